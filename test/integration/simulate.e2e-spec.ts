import type { KpiReport, TeamView } from '#contracts';
import { Simulator } from '../../apps/api/src/cli/simulate/simulator.js';
import { DEFAULTS } from '../../apps/api/src/cli/simulate/traffic-model.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/test-server.js';

// `npm run simulate` against a real server on the demo data, bounded in time: 12 s of wall clock at 900× is three
// simulated hours of a (four times busier) centre. What the simulator did must be what GET /kpis, which the
// dashboard draws, then reports.

let server: TestServer & { dropDatabase(): Promise<void> };

beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true' });
}, 60_000);
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

it('makes calls, incidents, offers, arrivals and handoffs that the indicators then show', async () => {
  const started = new Date(Date.now() - 1000).toISOString();
  const lines: string[] = [];
  const stats = await new Simulator(
    { ...DEFAULTS, url: server.url, minutes: 0.2, speed: 900, rate: 6, seed: 23, adminPassword: ADMIN_PASSWORD },
    (l) => lines.push(l),
  ).run();

  expect(stats.simulatedHours).toBeGreaterThanOrEqual(2.9);
  expect(stats.calls).toBeGreaterThan(10);
  expect(stats.incidents).toBeGreaterThan(0);
  expect(stats.accepted).toBeGreaterThan(0);
  expect(stats.onScene).toBeGreaterThan(0);
  expect(lines[0]).toMatch(/^simulating \d+ of \d+ teams$/);

  const { accessToken } = await server.login('supervisor', 'demo-1577-0199');
  const q = new URLSearchParams({ from: started, to: new Date(Date.now() + 1000).toISOString() });
  const kpis = (await server.api<KpiReport>('GET', `/kpis?${q.toString()}`, { token: accessToken })).body;
  expect(kpis.calls.total).toBe(stats.calls);
  expect(kpis.incidents.total).toBe(stats.incidents);
  expect(kpis.response.accepted).toBe(stats.accepted);
  expect(kpis.response.offered).toBeGreaterThanOrEqual(stats.accepted);
  expect(kpis.response.onScene).toBe(stats.onScene);
  expect(kpis.handoffs.requested).toBe(stats.handoffs);
  // Teams reported positions on their way.
  const teams = (await server.api<TeamView[]>('GET', '/teams', { token: accessToken })).body;
  expect(teams.filter((t) => t.location && t.location.at >= started).length).toBeGreaterThan(0);
}, 60_000);
