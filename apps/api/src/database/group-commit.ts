import pg from 'pg';
import type { Actor } from '../common/actor.js';
import { failedStatement, isStalePlan, runPipelined, withConnection, type SqlRunner } from './statements.js';
import { eventsStatement, type PendingEvent } from './events-statement.js';
import { Tx } from './tx.js';
import { databaseUnavailable } from './unavailable.js';
import { BEGIN, COMMIT, type Statement } from './write-batch.js';

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

const SAVEPOINT: Statement = { sql: 'SAVEPOINT unit_group', params: [] };
const RELEASE: Statement = { sql: 'RELEASE SAVEPOINT unit_group', params: [] };
const ROLLBACK_TO: Statement = { sql: 'ROLLBACK TO SAVEPOINT unit_group', params: [] };

/**
 * Whether PostgreSQL itself answered with this failure (an error response, with its SQLSTATE): then the transaction is
 * known to have ended without committing. A socket's failure (ECONNRESET, EPIPE: a `code` too) says nothing of that,
 * nor does the notice of a session being ended (a FATAL error, 57P01 after pg_terminate_backend or a fast shutdown:
 * unavailable.ts): it may come after the commit took effect and before its answer was sent.
 */
export function answeredByPostgres(e: unknown): boolean {
  return e instanceof pg.DatabaseError && !databaseUnavailable(e);
}

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
 * durable; its events gap-free, in commit order (announced together with the group's: events-statement.ts). What it
 * gives up: it waits for the group's other members (at most MOST_IN_A_GROUP of them), its time (`tx.now`) is the
 * group's start, and its locks are held until the group commits. A failure that belongs to the group rather than to
 * the unit (a deadlock with another group, a failed COMMIT, the writes of the member before it) runs it again alone,
 * after the group and after the members before it that run again too: only units of work that may run twice belong
 * here, as a create does (nothing outside the database but events, which only a commit sends: tx.ts).
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
    const answer: Answer = (job, outcome) => {
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
      if (answeredByPostgres(e)) again = [...open];
      else {
        again = [];
        for (const job of open) answer(job, { error: e });
      }
    }
    // One after another, in the order they came. Run at once, two members that conflict (a key both write, checked
    // at COMMIT) could deadlock each other over the event counter's lock, failing one that would have committed; in
    // turn they end as they would have without a group: the first committed, the second refused.
    for (const job of again) await settle(job, this.alone(job.actor, job.work));
  }

  /**
   * One transaction for the group. Members that fail on their own are answered at once, the others after the
   * COMMIT; answers the members that must run again alone.
   */
  private together(group: Job[], answer: Answer): Promise<Job[]> {
    return withConnection(this.pool, async (client, drop) => {
      const t = new GroupTransaction(client, new Date());
      const again: Job[] = [];
      try {
        for (const job of group) {
          const failed = await t.member(job);
          if (!failed) continue;
          if (isStalePlan(failed.error)) drop(failed.error as Error);
          if (failed.tail) {
            // The previous member's last writes failed when sent with this one's first statement: that member fails,
            // and this one, refused by the aborted transaction, runs again alone.
            answer(failed.tail.job, { error: failed.error });
            again.push(job);
          } else if (runsAgainAlone(failed.error)) again.push(job);
          else answer(job, { error: failed.error });
        }
        await t.commit();
      } catch (e) {
        await t.rollback().catch(drop);
        throw e;
      }
      for (const { job, value } of t.done) answer(job, { value });
      return again;
    });
  }
}

type Answer = (job: Job, outcome: { value: unknown } | { error: unknown }) => void;

/** A member's failure, and the member before it when that one's deferred writes were the cause. */
interface Failure {
  error: unknown;
  tail?: Done;
}

interface Done {
  job: Job;
  value: unknown;
  events: PendingEvent[];
}

/**
 * A group's transaction on its connection. Each member's statements start with its SAVEPOINT; its queued writes and
 * RELEASE are not sent at once but with the next member's first statement (or with the group's COMMIT): one round
 * trip per member instead of two.
 */
class GroupTransaction {
  readonly done: Done[] = [];
  private begun = false;
  private readonly unsent: Statement[] = [];
  /** The member whose writes and RELEASE wait in `unsent`, and how many of its statements are there. */
  private tail?: { done: Done; statements: number };

  constructor(
    private readonly client: pg.PoolClient,
    private readonly now: Date,
  ) {}

  /** Runs a member's work inside its savepoint; answers its failure, if any (and whose writes failed, if not its). */
  async member(job: Job): Promise<Failure | undefined> {
    this.failure = undefined;
    this.unsent.push(SAVEPOINT);
    const run: SqlRunner = async (sql, params) => (await this.send([{ sql, params }])).at(-1) as unknown[];
    const tx = new Tx(run, job.actor, this.now);
    try {
      const value = await job.work(tx);
      // A work that caught the failure of the previous member's writes cannot have done its own (a failure of its
      // own it may have recovered from, inside `tx.part`).
      const caught = this.tailFailure();
      if (caught) throw caught.error;
      const done = { job, value, events: tx.takeEvents() };
      const writes = [...tx.writeStatements(), RELEASE];
      // Deferred only after the member's own first statement: then the previous member's writes have been sent.
      if (this.unsent.length > 0) await this.send(writes);
      else {
        this.unsent.push(...writes);
        this.tail = { done, statements: writes.length };
      }
      this.done.push(done);
      return undefined;
    } catch (thrown) {
      const failure: Failure = this.tailFailure() ?? { error: thrown };
      if (failure.tail) this.done.splice(this.done.indexOf(failure.tail), 1);
      // A savepoint never sent (the work failed before reaching the database) needs no rollback. Otherwise the most
      // recent savepoint is this member's, or the previous member's when its RELEASE never ran.
      if (this.unsent.at(-1) === SAVEPOINT) this.unsent.pop();
      else await this.send([ROLLBACK_TO, RELEASE]);
      return failure;
    }
  }

  /** The events of every member that ran to its end, then COMMIT, with the last member's writes. */
  async commit(): Promise<void> {
    if (this.done.length === 0) return this.rollback();
    const events = this.done.map((d) => d.events);
    await this.send(events.some((e) => e.length > 0) ? [eventsStatement(events, this.now), COMMIT] : [COMMIT]);
  }

  async rollback(): Promise<void> {
    if (this.begun) await this.client.query('ROLLBACK');
  }

  /** What the last failed send of the current member failed on, and whose deferred writes, if they were the cause. */
  private failure?: Failure;

  /** The failure of the previous member's deferred writes, met by the current member. */
  private tailFailure(): Failure | undefined {
    return this.failure?.tail ? this.failure : undefined;
  }

  private async send(statements: Statement[]): Promise<unknown[][]> {
    const all = [...(this.begun ? [] : [BEGIN]), ...this.unsent.splice(0), ...statements];
    const tail = this.tail;
    this.begun = true;
    this.tail = undefined;
    try {
      return await runPipelined(this.client, all);
    } catch (error) {
      // The deferred writes are first in the pipeline (BEGIN was sent with the member's first statement).
      const index = error instanceof Error ? failedStatement.get(error) : undefined;
      const theirs = tail !== undefined && index !== undefined && index < tail.statements;
      this.failure = { error, tail: theirs ? tail.done : undefined };
      throw error;
    }
  }
}

async function settle(job: Job, outcome: Promise<unknown>): Promise<void> {
  try {
    job.resolve(await outcome);
  } catch (e) {
    job.reject(e);
  }
}
