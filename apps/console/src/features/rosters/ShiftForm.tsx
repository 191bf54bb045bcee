import type { FormEvent } from 'react';
import type { TeamView } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField, useFieldValues } from '../../common/fields';
import { repeatedShifts, type ShiftDraft } from './roster-model';

const LENGTHS = [24, 12, 8] as const;
const MAX_DAYS = 31;

// An emptied or out-of-range day count reads as the nearest count the form allows, so a batch is never empty.
const dayCount = (raw: string) => Math.max(1, Math.min(MAX_DAYS, Number(raw) || 1));

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
  const { values, bind } = useFieldValues(() => ({
    teamId: '',
    date: isoDate(new Date()),
    time: '09:00',
    hours: 24,
    days: 7,
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { teamId, date, time, hours, days } = values;
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
          {...bind('teamId')}
          value={values.teamId || teams[0]?.id || ''}
          required
          options={teams.map((tm) => ({ value: tm.id, label: tm.callsign }))}
        />
        <TextField label={t.rosters.firstDay} {...bind('date')} type="date" required />
        <TextField label={t.rosters.startTime} {...bind('time')} type="time" step={3600} required />
        <SelectField
          label={t.rosters.length}
          {...bind('hours', Number)}
          options={LENGTHS.map((h) => ({ value: h, label: t.rosters.hours(h) }))}
        />
        <TextField label={t.rosters.days} {...bind('days', dayCount)} type="number" min={1} max={MAX_DAYS} required />
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
