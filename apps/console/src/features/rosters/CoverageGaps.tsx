import { useMemo } from 'react';
import type { RegionCollection, ShiftView, TeamView } from '#contracts';
import { intervalHours, rosterGaps } from '#dispatch';
import { useI18n } from '../../i18n/i18n';
import { DAY } from './roster-model';
import { regionLabel } from '../map/use-regions';

/** The hours of the next 7 days without a team on duty, per region: what the coverage-gap alerts will raise. */
export function CoverageGaps({
  regions,
  teams,
  shifts,
  from,
}: {
  regions: RegionCollection | null;
  teams: TeamView[];
  shifts: ShiftView[] | null;
  from: number;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => {
    if (!regions || !shifts) return null;
    const gaps = rosterGaps({
      regionIds: regions.features.map((f) => String(f.id)),
      teams,
      shifts: shifts.map((s) => ({ teamId: s.teamId, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
      from: new Date(from),
      to: new Date(from + 7 * DAY),
    });
    return regions.features
      .map((f) => ({
        id: String(f.id),
        code: f.properties.code,
        name: regionLabel(f.properties, lang),
        gaps: gaps.get(String(f.id)) ?? [],
      }))
      .filter((r) => r.gaps.length > 0);
  }, [regions, teams, shifts, from, lang]);

  const fmt = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
      weekday: 'short',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });

  return (
    <section className="panel coverage-gaps" aria-labelledby="coverage-gaps-title" data-testid="coverage-gaps">
      <h2 id="coverage-gaps-title" className="panel-title">
        {t.rosters.gapsTitle}
      </h2>
      {rows === null ? (
        <p className="hint">{t.app.loading}</p>
      ) : rows.length === 0 ? (
        <p className="gap-none" data-testid="no-coverage-gaps">
          ✓ {t.rosters.noGaps}
        </p>
      ) : (
        <ul className="gap-list">
          {rows.map((r) => (
            <li key={r.id} className="gap-item" data-testid={`gap-${r.code}`}>
              <strong>⚠ {r.name}</strong> {t.rosters.gapHours(Math.round(intervalHours(r.gaps)))}
              <ul>
                {r.gaps.slice(0, 5).map((g) => (
                  <li key={g.start}>
                    {fmt(g.start)} – {fmt(g.end)}
                  </li>
                ))}
                {r.gaps.length > 5 ? <li>{t.rosters.moreGaps(r.gaps.length - 5)}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
