import type { IncidentDetail } from '#contracts';
import { PastTenseVocabulary1763801100000 } from '../../apps/api/src/database/migrations/1763801100000-past-tense-vocabulary.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { buildWorld, createIncident, sql, type World } from '../support/dispatch-world.js';

// Migration 1763801100000 renames stored timeline entries to the past-tense names; run again here over entries
// written under the old names, it must leave every entry readable under a name the contracts know.

let server: TestServer & { dropDatabase(): Promise<void> };
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});

afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

it('renames old timeline types in place and leaves current ones alone', async () => {
  const incident = await createIncident(server, world, { category: 'C', location: { lat: 37.6, lng: 127 } });
  const old = ['triage.done', 'call.takeover', 'team.checkin', 'admission.emergency', 'handoff.bed-request'];
  await sql(
    server,
    `INSERT INTO timeline (incident_id, at, type, actor, data) SELECT $1, now(), x.type, 'test', '{}'::jsonb FROM unnest($2::text[]) AS x(type)`,
    [incident.id, old],
  );
  const runner = server.dataSource.createQueryRunner();
  try {
    await new PastTenseVocabulary1763801100000().up(runner);
  } finally {
    await runner.release();
  }
  const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
  const types = detail.body.timeline.map((t) => t.type);
  expect(types).toEqual(
    expect.arrayContaining([
      'triage.assessed',
      'call.taken-over',
      'team.checked-in',
      'admission.created',
      'bed-request.created',
    ]),
  );
  for (const name of old) expect(types).not.toContain(name);
  expect(types).toContain('incident.created');
});
