import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { type Tx, UnitOfWork } from '../../apps/api/src/database/tx.js';
import { startTestServer } from '../support/test-server.js';

// UnitOfWork.read, the one way to read a person's record: the read and its audit rows commit together, and a read
// raises no events. Its ReadTx has no callable emit; a domain function that emits anyway must fail the read and
// leave nothing behind, not lose its event silently.

let server: Awaited<ReturnType<typeof startTestServer>>;
let uow: UnitOfWork;

beforeAll(async () => {
  server = await startTestServer();
  uow = new UnitOfWork(server.dataSource);
});

afterAll(async () => {
  await server?.stop();
  await server?.dropDatabase();
});

const alertsWith = async (message: string): Promise<number> =>
  (
    await server.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM alert WHERE message = $1`, [message])
  )[0].n;

it('fails a read that raised an event and rolls back everything it wrote; the same work commits as a change', async () => {
  const message = `audited-read ${Date.now()}`;
  const work = (tx: Tx) => raiseAlert(tx, { kind: 'coverage-gap', severity: 'warning', message });
  await expect(uow.read(SYSTEM_ACTOR, work)).rejects.toThrow('An audited read raised events');
  expect(await alertsWith(message)).toBe(0);
  // The rule, not the work, refused it: as a unit of work that may raise events it commits.
  await uow.run(SYSTEM_ACTOR, work);
  expect(await alertsWith(message)).toBe(1);
});
