import type pg from 'pg';
import type { Actor } from '../common/actor.js';
import { clientRunner, isStalePlan, runPipelined, withConnection, type SqlRunner } from './statements.js';
import { eventsStatement, Tx, type PendingEvent } from './tx.js';
import type { Statement } from './write-batch.js';

type Work<T> = (tx: Tx) => Promise<T>;

interface Job {
  actor: Actor;
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Runs one unit of work in a transaction of its own (UnitOfWork's ordinary path). */
export type RunAlone = (actor: Actor, work: Work<unknown>) => Promise<unknown>;

/** The most units of work one transaction takes: a group's members wait for each other's round trips. */
const MOST_IN_A_GROUP = 16;

const BEGIN: Statement = { sql: 'BEGIN', params: [] };
const COMMIT: Statement = { sql: 'COMMIT', params: [] };
const SAVEPOINT: Statement = { sql: 'SAVEPOINT unit_group', params: [] };
const RELEASE: Statement = { sql: 'RELEASE SAVEPOINT unit_group', params: [] };
const ROLLBACK_TO: Statement = { sql: 'ROLLBACK TO SAVEPOINT unit_group', params: [] };

/** Failures that say nothing about the unit of work itself, only about what it met in its group: it runs again alone. */
function runsAgainAlone(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === '40P01' || code === '40001' || code === '55P03' || isStalePlan(e);
}

/**
 * Group commit (issue 12, item 1). Every create's commit takes the event counter's row lock and keeps it until its
 * WAL flush ends, so creates commit one at a time, each paying a flush, a lock hand-over and a wake-up. When `most`
 * groups are already committing, the units of work that arrive meanwhile wait and then run together in one
 * transaction: each inside a savepoint (so each fails alone and leaves nothing behind), their events numbered
 * together, one flush for all. Under light load nothing waits and every unit of work has a transaction of its own.
 *
 * What each unit of work still has: its own result and its own failure; its answer only after its commit is
 * durable; its events gap-free, in commit order, one notification each. What it gives up: it waits for the group's
 * other members (at most MOST_IN_A_GROUP of them), and its locks are held until the group commits. A failure that
 * belongs to the group rather than to the unit (a deadlock with another group, a failed COMMIT) runs it again alone:
 * a unit of work does nothing outside the database but raise events, which only a commit sends (tx.ts).
 */
export class GroupCommit {
  private readonly waiting: Job[] = [];
  private running = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly alone: RunAlone,
    private readonly most: number,
  ) {}

  run<T>(actor: Actor, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ actor, work, resolve: resolve as (v: unknown) => void, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.most && this.waiting.length > 0) {
      const group = this.waiting.splice(0, MOST_IN_A_GROUP);
      this.running++;
      void this.commit(group).finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  private async commit(group: Job[]): Promise<void> {
    if (group.length === 1) return settle(group[0], this.alone(group[0].actor, group[0].work));
    const open = new Set(group); // members not yet answered
    const answer = (job: Job, outcome: { value: unknown } | { error: unknown }): void => {
      open.delete(job);
      if ('value' in outcome) job.resolve(outcome.value);
      else job.reject(outcome.error);
    };
    let again: Job[];
    try {
      again = await this.together(group, answer);
    } catch (e) {
      // The group's transaction failed as a whole (its COMMIT, or its connection). A failure PostgreSQL answered
      // rolled everything back: each open member runs again alone. Without an answer nobody knows whether the COMMIT
      // took effect, and running again could make a second incident: each member fails, as a lone commit would.
      if ((e as { code?: string })?.code) again = [...open];
      else {
        again = [];
        for (const job of open) answer(job, { error: e });
      }
    }
    await Promise.all(again.map((job) => settle(job, this.alone(job.actor, job.work))));
  }

  /**
   * One transaction for the group. Members that fail on their own are answered at once, the others after the
   * COMMIT; answers the members that must run again alone.
   */
  private together(group: Job[], answer: (job: Job, outcome: { value: unknown } | { error: unknown }) => void) {
    return withConnection(this.pool, async (client, drop): Promise<Job[]> => {
      const now = new Date();
      const statement = clientRunner(client);
      let begun = false;
      const unsent: Statement[] = []; // sent together with the next statement
      const send = async (statements: Statement[]): Promise<unknown[][]> => {
        const all = begun ? [...unsent.splice(0), ...statements] : [BEGIN, ...unsent.splice(0), ...statements];
        begun = true;
        return all.length === 1 ? [await statement(all[0].sql, all[0].params)] : runPipelined(client, all);
      };
      const run: SqlRunner = async (sql, params) => (await send([{ sql, params }])).at(-1) as unknown[];
      const done: { job: Job; value: unknown }[] = [];
      const events: PendingEvent[][] = [];
      const again: Job[] = [];
      try {
        for (const job of group) {
          unsent.push(SAVEPOINT);
          const tx = new Tx(run, job.actor, now);
          try {
            const value = await job.work(tx);
            await send([...tx.writeStatements(), RELEASE]);
            done.push({ job, value });
            events.push(tx.takeEvents());
          } catch (e) {
            // A savepoint never sent (the work failed before reaching the database) needs no rollback.
            if (unsent.at(-1) === SAVEPOINT) unsent.pop();
            else await send([ROLLBACK_TO, RELEASE]);
            if (isStalePlan(e)) drop(e as Error);
            if (runsAgainAlone(e)) again.push(job);
            else answer(job, { error: e });
          }
        }
        if (done.length > 0)
          await send(events.some((unit) => unit.length > 0) ? [eventsStatement(events, now), COMMIT] : [COMMIT]);
        else if (begun) await client.query('ROLLBACK');
      } catch (e) {
        if (begun) await client.query('ROLLBACK').catch(drop);
        throw e;
      }
      for (const { job, value } of done) answer(job, { value });
      return again;
    });
  }
}

async function settle(job: Job, outcome: Promise<unknown>): Promise<void> {
  try {
    job.resolve(await outcome);
  } catch (e) {
    job.reject(e);
  }
}
