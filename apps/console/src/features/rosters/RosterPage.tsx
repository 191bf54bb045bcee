import { useMemo, useState } from 'react';
import type { ShiftView, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useRegions } from '../map/use-regions';
import { CoverageGaps } from './CoverageGaps';
import { RosterGrid } from './RosterGrid';
import { ShiftForm } from './ShiftForm';
import { addDays, copiedWeek, DAY, weekStart, type ShiftDraft } from './roster-model';
import '../admin/admin.css';

interface RosterData {
  teams: TeamView[];
  week: ShiftView[];
  upcoming: ShiftView[];
}

/**
 * The roster (admin, supervisor): every team's shifts for a week, created by dragging on a team's row or with the
 * form, last week copied forward, and the coverage gaps of the next 7 days per region.
 */
export function RosterPage() {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const [week, setWeek] = useState(() => weekStart(new Date()));
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const weekEnd = addDays(week, 7);
  // The coverage window starts at the current hour, so a reload within the hour reads the same gaps.
  const [now] = useState(() => Math.floor(Date.now() / 3_600_000) * 3_600_000);

  const data = useLoad<RosterData>(async (signal) => {
    const [teams, weekShifts, upcoming] = await Promise.all([
      api.teams(),
      api.shifts(week.toISOString(), weekEnd.toISOString(), signal),
      api.shifts(new Date(now).toISOString(), new Date(now + 7 * DAY).toISOString(), signal),
    ]);
    return { teams, week: weekShifts, upcoming };
  }, week.toISOString());

  const create = (shifts: ShiftDraft[]) =>
    action.run(async () => {
      setNotice(null);
      const result = await api.createShifts({ shifts });
      setNotice(t.rosters.created(result.created.length));
      data.reload();
    });

  // The action shows its own failure (FailureNote), so a click handler need not await it.
  const copyLastWeek = () =>
    action.run(async () => {
      setNotice(null);
      const last = await api.shifts(addDays(week, -7).toISOString(), week.toISOString());
      // A shift straddling into this week started last week: copying it would overlap itself.
      const drafts = copiedWeek(last.filter((s) => Date.parse(s.startsAt) >= addDays(week, -7).getTime()));
      if (!drafts.length) {
        setNotice(t.rosters.nothingToCopy);
        return;
      }
      const result = await api.createShifts({ shifts: drafts, skipConflicts: true });
      setNotice(t.rosters.copied(result.created.length, result.skipped));
      data.reload();
    });

  const remove = (shift: ShiftView) =>
    action.run(async () => {
      setNotice(null);
      await api.deleteShift(shift.id);
      setNotice(t.rosters.deleted);
      data.reload();
    });

  const weekLabel = useMemo(() => {
    const fmt = (d: Date) =>
      d.toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
    return `${fmt(week)} – ${fmt(addDays(week, 6))}`;
  }, [week, lang]);

  const teams = data.data?.teams ?? [];
  return (
    <div className="admin-page roster-page" data-testid="roster-page">
      <h2 className="admin-title">{t.rosters.title}</h2>
      <CoverageGaps regions={regions} teams={teams} shifts={data.data?.upcoming ?? null} from={now} />
      <section className="panel" aria-labelledby="roster-week-title">
        <div className="roster-toolbar">
          <h2 id="roster-week-title" className="panel-title" data-testid="roster-week">
            {t.rosters.week(weekLabel)}
          </h2>
          <button type="button" className="btn" onClick={() => setWeek(addDays(week, -7))}>
            {t.rosters.previousWeek}
          </button>
          <button type="button" className="btn" onClick={() => setWeek(weekStart(new Date()))}>
            {t.rosters.thisWeek}
          </button>
          <button type="button" className="btn" onClick={() => setWeek(addDays(week, 7))}>
            {t.rosters.nextWeek}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void copyLastWeek()}
            disabled={action.busy}
            data-testid="copy-last-week"
          >
            {t.rosters.copyLastWeek}
          </button>
        </div>
        <p className="hint">{t.rosters.dragHint}</p>
        {notice ? (
          <p className="notice" role="status" data-testid="roster-notice">
            {notice}
          </p>
        ) : null}
        <FailureNote failure={action.failure} testId="roster-failure" />
        {data.error ? <FailureNote failure={t.app.error} /> : null}
        <RosterGrid
          regions={regions}
          teams={teams}
          shifts={data.data?.week ?? []}
          week={week}
          onCreate={(d) => void create([d])}
          onDelete={(s) => void remove(s)}
          busy={action.busy}
        />
      </section>
      <ShiftForm teams={teams} busy={action.busy} onCreate={(drafts) => void create(drafts)} />
    </div>
  );
}
