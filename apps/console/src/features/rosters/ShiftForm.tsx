import { useState, type FormEvent } from 'react';
import type { TeamView } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField } from '../../common/fields';
import { repeatedShifts, type ShiftDraft } from './roster-model';

const LENGTHS = [24, 12, 8] as const;

const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * Shifts by form: a team, the first day and hand-over time, the length (24 hours is the norm; 12 for day/night
 * splits) and how many consecutive days. One batch: an overlap refuses all of it.
 */
export function ShiftForm({
  teams,
  busy,
  onCreate,
}: {
  teams: TeamView[];
  busy: boolean;
  onCreate: (drafts: ShiftDraft[]) => void;
}) {
  const { t } = useI18n();
  const [teamId, setTeamId] = useState('');
  const [date, setDate] = useState(() => isoDate(new Date()));
  const [time, setTime] = useState('09:00');
  const [hours, setHours] = useState<number>(24);
  const [days, setDays] = useState(7);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const team = teamId || teams[0]?.id;
    const [y, m, d] = date.split('-').map(Number);
    const [hh, mm] = time.split(':').map(Number);
    if (!team || !y || !m || !d || hh === undefined || mm === undefined) return;
    onCreate(repeatedShifts(team, new Date(y, m - 1, d, hh, mm), hours, days));
  };

  return (
    <form className="panel shift-form" onSubmit={submit} aria-labelledby="shift-form-title" data-testid="shift-form">
      <h2 id="shift-form-title" className="panel-title">
        {t.rosters.addShifts}
      </h2>
      <div className="form-grid">
        <SelectField
          label={t.rosters.team}
          name="teamId"
          value={teamId || teams[0]?.id || ''}
          onValue={setTeamId}
          required
          options={teams.map((tm) => ({ value: tm.id, label: tm.callsign }))}
        />
        <TextField label={t.rosters.firstDay} name="date" type="date" value={date} onValue={setDate} required />
        <TextField
          label={t.rosters.startTime}
          name="time"
          type="time"
          step={3600}
          value={time}
          onValue={setTime}
          required
        />
        <SelectField
          label={t.rosters.length}
          name="hours"
          value={hours}
          onValue={(v) => setHours(Number(v))}
          options={LENGTHS.map((h) => ({ value: h, label: t.rosters.hours(h) }))}
        />
        <TextField
          label={t.rosters.days}
          name="days"
          type="number"
          min={1}
          max={31}
          value={days}
          onValue={(v) => setDays(Math.max(1, Math.min(31, Number(v) || 1)))}
          required
        />
      </div>
      <p className="hint">{t.rosters.formHint}</p>
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !teams.length}>
          {t.rosters.addShifts}
        </button>
      </div>
    </form>
  );
}
