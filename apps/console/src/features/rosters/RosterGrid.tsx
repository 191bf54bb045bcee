import { useMemo, useRef, useState, type PointerEvent } from 'react';
import type { RegionCollection, ShiftView, TeamView } from '#contracts';
import { rosterGaps } from '#dispatch';
import { useI18n } from '../../i18n/i18n';
import { addDays, draggedShift, placeOnTrack, weekDays, type ShiftDraft } from './roster-model';
import { regionLabel } from '../map/use-regions';

interface Props {
  regions: RegionCollection | null;
  teams: TeamView[];
  shifts: ShiftView[];
  week: Date;
  busy: boolean;
  onCreate: (draft: ShiftDraft) => void;
  onDelete: (shift: ShiftView) => void;
}

/** The week as one track per team, grouped by region; each region's row shows its uncovered hours in the week. */
export function RosterGrid({ regions, teams, shifts, week, busy, onCreate, onDelete }: Props) {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<ShiftView | null>(null);
  const from = week.getTime();
  const to = addDays(week, 7).getTime();
  const locale = lang === 'ko' ? 'ko-KR' : 'en-GB';
  const hhmm = (iso: string) =>
    new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = (iso: string) => new Date(iso).toLocaleDateString(locale, { weekday: 'short', day: 'numeric' });

  const groups = useMemo(() => {
    const features = regions?.features ?? [];
    const gaps = rosterGaps({
      regionIds: features.map((f) => String(f.id)),
      teams,
      shifts: shifts.map((s) => ({ teamId: s.teamId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
      from: new Date(from),
      to: new Date(to),
    });
    return features.map((f) => ({
      id: String(f.id),
      name: regionLabel(f.properties, lang),
      gaps: gaps.get(String(f.id)) ?? [],
      teams: teams.filter((tm) => tm.regionId === f.id),
    }));
  }, [regions, teams, shifts, from, to, lang]);

  return (
    <div className="roster-grid" data-testid="roster-grid">
      <table>
        <thead>
          <tr>
            <th scope="col" className="roster-team-col">
              {t.rosters.team}
            </th>
            <th scope="col">
              <div className="roster-days">
                {weekDays(week).map((d) => (
                  <span key={d.getTime()}>
                    {d.toLocaleDateString(locale, { weekday: 'short', month: 'numeric', day: 'numeric' })}
                  </span>
                ))}
              </div>
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.id} data-testid={`roster-region-${g.id}`}>
            <tr className="roster-region-row">
              <th scope="rowgroup">{g.name}</th>
              <td>
                <div className="roster-track roster-gap-track">
                  {g.gaps.map((gap) => {
                    const place = placeOnTrack(gap.start, gap.end, from, to)!;
                    return (
                      <span
                        key={gap.start}
                        className="roster-gap"
                        style={{ left: `${place.left}%`, width: `${place.width}%` }}
                        title={t.rosters.gapBar}
                      />
                    );
                  })}
                  {g.gaps.length ? <span className="visually-hidden">{t.rosters.gapBar}</span> : null}
                </div>
              </td>
            </tr>
            {g.teams.map((team) => (
              <tr key={team.id} data-testid={`roster-team-${team.callsign}`}>
                <th scope="row">{team.callsign}</th>
                <td>
                  <TeamTrack teamId={team.id} week={week} busy={busy} onCreate={onCreate}>
                    {shifts
                      .filter((s) => s.teamId === team.id)
                      .map((s) => {
                        const place = placeOnTrack(Date.parse(s.startsAt), Date.parse(s.endsAt), from, to);
                        if (!place) return null;
                        return (
                          <button
                            key={s.id}
                            type="button"
                            className={selected?.id === s.id ? 'roster-shift selected' : 'roster-shift'}
                            style={{ left: `${place.left}%`, width: `${place.width}%` }}
                            aria-pressed={selected?.id === s.id}
                            onClick={() => setSelected(selected?.id === s.id ? null : s)}
                            data-testid="roster-shift"
                          >
                            <span className="visually-hidden">{day(s.startsAt)} </span>
                            {hhmm(s.startsAt)}–<span className="visually-hidden">{day(s.endsAt)} </span>
                            {hhmm(s.endsAt)}
                          </button>
                        );
                      })}
                  </TeamTrack>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {selected ? (
        <div
          className="roster-selected"
          role="group"
          aria-label={t.rosters.selectedShift}
          data-testid="roster-selected"
        >
          <span>
            {teams.find((tm) => tm.id === selected.teamId)?.callsign} · {day(selected.startsAt)}{' '}
            {hhmm(selected.startsAt)} – {day(selected.endsAt)} {hhmm(selected.endsAt)}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => {
              onDelete(selected);
              setSelected(null);
            }}
          >
            {t.rosters.deleteShift}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A team's week track: dragging across its empty part drafts a shift (hour-snapped); the form is the keyboard way. */
function TeamTrack({
  teamId,
  week,
  busy,
  onCreate,
  children,
}: {
  teamId: string;
  week: Date;
  busy: boolean;
  onCreate: (d: ShiftDraft) => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const fraction = (e: PointerEvent) => {
    const box = ref.current!.getBoundingClientRect();
    return (e.clientX - box.left) / box.width;
  };
  return (
    <div
      ref={ref}
      className="roster-track"
      data-testid={`roster-track-${teamId}`}
      onPointerDown={(e) => {
        if (busy || e.target !== ref.current || e.button !== 0) return;
        ref.current.setPointerCapture(e.pointerId);
        const f = fraction(e);
        setDrag({ start: f, end: f });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, end: fraction(e) })}
      onPointerUp={(e) => {
        if (!drag) return;
        const draft = draggedShift(teamId, drag.start, fraction(e), week);
        setDrag(null);
        if (draft) onCreate(draft);
      }}
      onPointerCancel={() => setDrag(null)}
    >
      {children}
      {drag ? (
        <span
          className="roster-draft"
          style={{
            left: `${Math.min(drag.start, drag.end) * 100}%`,
            width: `${Math.abs(drag.end - drag.start) * 100}%`,
          }}
        />
      ) : null}
    </div>
  );
}
