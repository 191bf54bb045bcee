import type { UserView } from '#contracts';
import type { Api } from '../api/endpoints';
import type { EventStore } from './event-store';

/**
 * The REST snapshots a role's screens start from, loaded once per login right after GET /events/head (`asOf`).
 * Each list is loaded on its own: one failing leaves the rest usable, and the event log fills in from there.
 */
export async function loadSnapshot(api: Api, user: UserView, store: EventStore, asOf: number): Promise<void> {
  const loads: Promise<unknown>[] = [];
  switch (user.role) {
    case 'coordinator':
    case 'supervisor':
    case 'admin':
      loads.push(
        api.teams().then((x) => store.seedTeams(x, asOf)),
        api.activeIncidents().then((x) => store.seedIncidents(x, asOf)),
        api.dispatches(['offered', 'accepted']).then((x) => store.seedDispatches(x, asOf)),
        api.agencies('hospital').then((x) => store.seedHospitals(x)),
        api.openAlerts().then((x) => store.reconcileOpenAlerts(x, asOf)),
      );
      break;
    case 'counselor':
      loads.push(
        api.queueCalls().then((x) => store.seedCalls(x, asOf)),
        api.activeIncidents().then((x) => store.seedIncidents(x, asOf)),
        // The call screen follows the team working the caller's incident (issue 13 item 4).
        api.teams().then((x) => store.seedTeams(x, asOf)),
      );
      break;
    case 'responder': {
      const teamId = user.teamId;
      if (!teamId) break;
      loads.push(
        api.teams().then((x) =>
          store.seedTeams(
            x.filter((team) => team.id === teamId),
            asOf,
          ),
        ),
        api.teamDispatches(teamId, ['offered', 'accepted']).then((x) => store.seedDispatches(x, asOf)),
      );
      break;
    }
    case 'agency':
      break;
  }
  await Promise.allSettled(loads);
}
