import type { DispatchView } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';

/**
 * The teams that declined this incident and why, where the coordinator chooses the next team (issue 13 item 3):
 * they are left out of the recommendations, and the reason is not buried in the dispatch history.
 */
export function DeclinedTeams({ dispatches }: { dispatches: readonly DispatchView[] }) {
  const { t } = useI18n();
  const store = useStore();
  const declined = dispatches.filter((d) => d.status === 'declined');
  if (declined.length === 0) return null;
  return (
    <section className="detail-section declined-teams" aria-labelledby="declined-title" data-testid="declined-teams">
      <h3 id="declined-title">{t.declines.title}</h3>
      <ul className="plain-list">
        {declined.map((d) => (
          <li key={d.id} data-testid="declined-team" data-team-id={d.teamId}>
            <strong>{store.teams.get(d.teamId)?.callsign ?? t.declines.unknownTeam}</strong> ·{' '}
            {d.reason ?? t.declines.noReason}
          </li>
        ))}
      </ul>
      <p className="hint">{t.declines.excluded}</p>
    </section>
  );
}
