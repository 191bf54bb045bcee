import { randomUUID } from 'node:crypto';
import { TIMER } from '#contracts';
import { raiseAlert } from '../../apps/api/src/alerts/alerts.js';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/actor.js';
import { UnitOfWork } from '../../apps/api/src/database/tx.js';
import { scheduleTimer, TimerRunner } from '../../apps/api/src/timers/timer-runner.js';
import { startTestServer } from '../support/test-server.js';

// A timer's handler runs as a part of the unit of work that claims the timer (Tx.part): when it fails, what it
// wrote, queued and raised is undone, and the timer is kept for a retry; when it succeeds, all of it commits with
// the firing.

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function dueTimer(server: Server): Promise<string> {
  const refId = randomUUID();
  await server.app
    .get(UnitOfWork)
    .run(SYSTEM_ACTOR, (tx) => scheduleTimer(tx, TIMER.followUpOverdue, refId, new Date(Date.now() - 1000)));
  return refId;
}

async function count(server: Server, sql: string, params: unknown[]): Promise<number> {
  const [row] = await server.dataSource.query<[{ n: string }]>(sql, params);
  return Number(row.n);
}

it('undoes a failing handler (its rows, queued audit rows and events) and keeps the timer for a retry', async () => {
  const server = await startTestServer();
  try {
    const runner = server.app.get(TimerRunner);
    let fail = true;
    runner.register(TIMER.followUpOverdue, async (tx, timer) => {
      await raiseAlert(tx, {
        kind: 'webhook-failed',
        severity: 'warning',
        message: `probe ${timer.ref_id}`,
        dedupeKey: `probe:${timer.ref_id}`,
      });
      await tx.audit({ action: 'alert.raised', entityType: 'follow_up', entityId: timer.ref_id });
      if (fail) throw new Error('the handler broke');
    });
    const refId = await dueTimer(server);
    const eventsBefore = await count(server, `SELECT count(*) AS n FROM event`, []);

    await runner.tick();
    const [kept] = await server.dataSource.query<[{ fired_at: Date | null; attempts: number; last_error: string }]>(
      `SELECT fired_at, attempts, last_error FROM timer WHERE ref_id = $1`,
      [refId],
    );
    expect(kept).toMatchObject({ fired_at: null, attempts: 1, last_error: 'the handler broke' });
    expect(await count(server, `SELECT count(*) AS n FROM alert WHERE message = $1`, [`probe ${refId}`])).toBe(0);
    expect(await count(server, `SELECT count(*) AS n FROM audit WHERE entity_id = $1`, [refId])).toBe(0);
    expect(await count(server, `SELECT count(*) AS n FROM event`, [])).toBe(eventsBefore);

    fail = false;
    await server.dataSource.query(`UPDATE timer SET due_at = now() WHERE ref_id = $1`, [refId]);
    await runner.tick();
    const [fired] = await server.dataSource.query<[{ fired_at: Date | null }]>(
      `SELECT fired_at FROM timer WHERE ref_id = $1`,
      [refId],
    );
    expect(fired.fired_at).not.toBeNull();
    expect(await count(server, `SELECT count(*) AS n FROM alert WHERE message = $1`, [`probe ${refId}`])).toBe(1);
    expect(await count(server, `SELECT count(*) AS n FROM audit WHERE entity_id = $1`, [refId])).toBe(1);
    expect(
      await count(server, `SELECT count(*) AS n FROM event WHERE type = 'alert.raised' AND data->>'message' = $1`, [
        `probe ${refId}`,
      ]),
    ).toBe(1);
  } finally {
    await server.stop();
    await server.dropDatabase();
  }
});
