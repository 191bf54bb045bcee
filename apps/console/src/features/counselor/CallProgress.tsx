import { useMemo } from 'react';
import { StraightLineRouter } from '#geo';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';
import { TEAM_STATUS_STYLE } from '../../common/category-style';

// Issue 13 item 4: the counselor still on the line sees who is coming and when, so they can tell the caller. All
// of it comes from the event store (incident.updated, team.updated), never from polling.

// Already moving: no turnout time in the estimate.
const ROUTER = new StraightLineRouter({ turnoutMinutes: 0 });

export function CallProgress({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const incident = useEntry('incidents', incidentId);
  const team = useEntry('teams', incident?.teamId ?? null);
  const etaMinutes = useMemo(() => {
    if (!incident || !team || team.status !== 'en-route') return null;
    const from = team.location ?? team.base;
    return from ? Math.max(1, Math.round(ROUTER.estimate(from, incident.location).minutes)) : null;
  }, [incident, team]);
  if (!incident) return null;
  const style = team ? TEAM_STATUS_STYLE[team.status] : null;
  return (
    <section
      className="call-progress"
      aria-labelledby="call-progress-title"
      data-testid="call-progress"
      data-team-status={team?.status ?? ''}
    >
      <h3 id="call-progress-title">
        {t.callProgress.title} · {t.callProgress.incident(incident.number)}
      </h3>
      <p className="hint" role="status" aria-live="polite" data-testid="call-progress-status">
        {t.incidentStatus[incident.status]}
      </p>
      {team && style ? (
        <dl className="facts">
          <dt>{t.callProgress.team}</dt>
          <dd data-testid="call-progress-team">{team.callsign}</dd>
          <dt>{t.callProgress.status}</dt>
          <dd data-testid="call-progress-team-status">
            <span aria-hidden="true">{style.glyph}</span> {t.teamStatus[team.status]}
          </dd>
          <dt>{t.callProgress.eta}</dt>
          <dd data-testid="call-progress-eta">
            {team.status === 'on-scene' || team.status === 'transporting'
              ? t.callProgress.arrived
              : etaMinutes !== null
                ? t.callProgress.etaMinutes(etaMinutes)
                : '—'}
          </dd>
        </dl>
      ) : (
        <p data-testid="call-progress-waiting">{t.callProgress.waiting}</p>
      )}
    </section>
  );
}
