import type { IncidentView } from '#contracts';
import type { TestServer } from './test-server.js';
import { expectStatus } from './expect-status.js';
import { clientIncident, teamOnIncident } from './dispatch-world.js';
import type { ClientIncidentSpec, TeamHandle, TeamSpec, World } from './dispatch-world.js';

// The case the partner specs share: a registered client with a safety plan calls, the counselor notes clinical
// detail, triage finds danger, and a crisis team takes the incident. Its plan, notes and summary are what a partner
// must not see unless its view allows.

export interface ClientCaseSpec {
  /** The supervisor who registers the client and writes the safety plan. */
  supervisor: string;
  /** The client's record; the legal basis is always consent for case management. */
  client: Record<string, unknown>;
  safetyPlan: Record<string, unknown>;
  /** What the call gives, for `clientIncident`. */
  call: Omit<ClientIncidentSpec, 'clientId'>;
  /** The crisis team that takes the incident, for `teamOnIncident`. */
  team: TeamSpec;
}

export interface ClientCase {
  clientId: string;
  incident: IncidentView;
  team: TeamHandle;
}

export async function clientCaseWithTeam(server: TestServer, world: World, spec: ClientCaseSpec): Promise<ClientCase> {
  const client = await expectStatus(
    server.api<{ id: string }>('POST', '/clients', {
      token: spec.supervisor,
      body: { ...spec.client, basis: { kind: 'consent', scope: 'case management', at: '2026-01-05T09:00:00+09:00' } },
    }),
    201,
  );
  const clientId = client.body.id;
  await expectStatus(
    server.api('PUT', `/clients/${clientId}/safety-plan`, { token: spec.supervisor, body: spec.safetyPlan }),
    200,
  );
  const incident = await clientIncident(server, world, { clientId, ...spec.call });
  const team = await teamOnIncident(server, world, incident.id, spec.team);
  return { clientId, incident, team };
}
