import type { CallView, ClientView, LoginResponse } from '#contracts';
import { DEMO_CLIENTS, DEMO_PASSWORD } from '../../apps/api/src/seed/demo.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The demo data set has known callers: a call from a demo client's number shows that client.

let server: TestServer & { dropDatabase(): Promise<void> };
let counselor: LoginResponse;

beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true' });
  counselor = await server.login('counselor', DEMO_PASSWORD);
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

it('seeds six registered clients whose numbers are recognised, each in a district with a preferred hospital', async () => {
  const [{ n }] = await server.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM client`);
  expect(n).toBe(DEMO_CLIENTS.length);
  expect(DEMO_CLIENTS.length).toBeGreaterThanOrEqual(6);
  for (const demo of DEMO_CLIENTS) {
    // Dialled in international form, stored in domestic form: still the same person.
    const international = `+82 ${demo.phones[0].replace(/^0/, '')}`;
    const res = await server.api<CallView>('POST', '/calls', {
      token: counselor.accessToken,
      body: { channel: 'phone', callerNumber: international },
    });
    expect(res.status).toBe(201);
    expect(res.body.clientMatches.map((m) => m.displayName)).toEqual([demo.name]);
    const client = await server.api<ClientView>('GET', `/clients/${res.body.clientMatches[0].id}`, {
      token: counselor.accessToken,
    });
    expect(client.body).toMatchObject({
      caseManager: demo.caseManager,
      safetyPlan: demo.safetyPlan,
      riskFlags: demo.riskFlags,
    });
    expect(client.body.regionId).not.toBeNull();
    expect(client.body.preferredHospitalId === null).toBe(demo.hospital === null);
  }
});
