import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditAction, EventDataMap, EventType } from '#contracts';
import type { Actor } from '../common/actor.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { audienceOf } from '../realtime/audience.js';
import type { Queryable } from './db.js';
import { eventsStatement, type PendingEvent } from './events-statement.js';
import { GroupCommit } from './group-commit.js';
import { clientRunner, poolOf, runPipelined, withConnection, type SqlRunner } from './statements.js';
import { BEGIN, COMMIT, combineWrites, type QueuedWrite, type Statement } from './write-batch.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** The person whose record this touches (a client), for PIPA access-log queries. */
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * One unit of work: its SQL, the events it raises and its audit rows commit together or not at all.
 * Services receive a Tx instead of touching the DataSource, so "state change without its event" cannot be written.
 */
export class Tx implements Queryable {
  private readonly events: PendingEvent[] = [];
  private queued: QueuedWrite[] = [];
  private audits: AuditEntry[] = [];

  constructor(
    private readonly run: SqlRunner,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  /** Runs a statement; the writes queued before it run first, so it sees them. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.flushWrites();
    return (await this.run(sql, params)) as T[];
  }

  /**
   * Queues a write whose result this unit of work never reads (a timeline entry, a timer, an audit row): it runs
   * before the next statement, together with the other queued writes (write-batch.ts), or before commit.
   */
  later(table: string, sql: string, params: unknown[]): void {
    this.queued.push({ table, sql, params });
  }

  /** Runs the queued writes and audit rows now, in as few statements as their tables allow. */
  private async flushWrites(): Promise<void> {
    if (this.queued.length === 0 && this.audits.length === 0) return;
    for (const statement of combineWrites(this.takeWrites())) await this.run(statement.sql, statement.params);
  }

  private takeWrites(): QueuedWrite[] {
    const writes = this.audits.length > 0 ? [...this.queued, auditWrite(this.actor, this.audits)] : this.queued;
    this.queued = [];
    this.audits = [];
    return writes;
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, params);
    return rows[0];
  }

  /** Queues an event; who sees it follows from its type and data (realtime/audience.ts), never from the caller. */
  emit<T extends EventType>(type: T, data: EventDataMap[T]): void {
    this.events.push({ type, data, audience: audienceOf(type, data) });
  }

  /** How many events this unit of work has raised so far (an audited read must raise none). */
  get raised(): number {
    return this.events.length;
  }

  /** Queues an audit row; a unit of work's audit rows are written by one statement, in the order given. */
  audit(entry: AuditEntry): Promise<void> {
    this.audits.push(entry);
    return Promise.resolve();
  }

  /**
   * Runs `work` as a part of this unit of work that may fail on its own (a timer's handler): a failure rolls back
   * its statements, and drops the writes it queued and the events it raised, and the unit of work goes on.
   */
  async part<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: Error }> {
    await this.query('SAVEPOINT unit_part');
    const raisedBefore = this.events.length;
    try {
      const value = await work();
      await this.flushWrites(); // inside the savepoint: a queued write that fails is the part's failure
      await this.run('RELEASE SAVEPOINT unit_part', []);
      return { ok: true, value };
    } catch (e) {
      this.queued = [];
      this.audits = [];
      this.events.length = raisedBefore;
      await this.run('ROLLBACK TO SAVEPOINT unit_part', []);
      return { ok: false, error: e as Error };
    }
  }

  /**
   * The end of a unit of work: the queued writes, the events' statement and COMMIT, sent together as prepared
   * statements (statements.ts `runPipelined`). One round trip instead of three, and the event counter's lock is taken
   * and released inside it: no wait for this process (its event loop busy with other requests) between the statement
   * and the commit.
   */
  commitStatements(): Statement[] {
    const statements = this.writeStatements();
    if (this.events.length > 0) statements.push(eventsStatement([this.takeEvents()], this.now));
    return [...statements, COMMIT];
  }

  /** The queued writes and audit rows as the fewest statements, taken out of this unit of work. */
  writeStatements(): Statement[] {
    return combineWrites(this.takeWrites());
  }

  /** The events raised so far, taken out of this unit of work (a group's commit numbers them with the others'). */
  takeEvents(): PendingEvent[] {
    return this.events.splice(0);
  }
}

const AUDIT_COLUMNS = 10;

function auditWrite(actor: Actor, entries: AuditEntry[]): QueuedWrite {
  const rows = entries.map(
    (_, r) => `(${Array.from({ length: AUDIT_COLUMNS }, (__, c) => `$${r * AUDIT_COLUMNS + c + 1}`).join(',')})`,
  );
  return {
    table: 'audit',
    sql: `INSERT INTO audit (actor_id, actor_username, actor_role, action, entity_type, entity_id, subject_id, ip, user_agent, details)
       VALUES ${rows.join(', ')}`,
    params: entries.flatMap((e) => [
      actor.userId,
      actor.username,
      actor.role,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.subjectId ?? null,
      actor.ip,
      actor.userAgent,
      JSON.stringify(e.details ?? {}),
    ]),
  };
}

@Injectable()
export class UnitOfWork {
  private groups?: GroupCommit;

  constructor(
    private readonly ds: DataSource,
    @Optional() @Inject(APP_CONFIG) private readonly config?: Pick<AppConfig, 'databaseWriteGroups'>,
  ) {}

  /** Runs `work` in one transaction; its events get their seq last, with the commit. */
  run<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(actor, work);
  }

  /**
   * Like `run`, for the writes a surge brings many of at once (incident creates): while others commit, it may share
   * its transaction with units of work that arrived meanwhile (group-commit.ts).
   */
  runGrouped<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    this.groups ??= new GroupCommit(
      poolOf(this.ds),
      (a, w) => this.transaction(a, w),
      this.config?.databaseWriteGroups ?? 2,
    );
    return this.groups.run(actor, work);
  }

  /**
   * An audited read of a person's record: the read and the audit rows that say who saw it commit in one short
   * transaction, so nobody sees a record the access log does not show (PIPA). Every read of a client, call,
   * incident, handoff, follow-up, admission, export or of the access log itself goes through here. A read raises
   * no events: `emit` is not there to call, and one raised by a repository function fails the read.
   */
  read<T>(actor: Actor, work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.transaction(actor, async (tx) => {
      const result = await work(tx as ReadTx);
      if (tx.raised > 0) throw new Error('An audited read raised events');
      return result;
    });
  }

  // BEGIN … COMMIT on one pooled connection, with node-postgres directly (statements.ts says why). BEGIN travels with
  // the unit of work's first statement (or with its commit when it runs none): every round trip costs both processes a
  // socket write and a wake-up of the other side, the largest single part of a create's CPU (docs/performance.md).
  // A unit of work does nothing outside the database but raise events, which only a commit sends, so running it
  // again is safe; the one exception, the webhook dispatcher's send, is at-least-once anyway (receivers deduplicate
  // by webhook-id).
  private transaction<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    return withConnection(poolOf(this.ds), async (client, drop) => {
      const statement = clientRunner(client);
      let begun = false;
      const run: SqlRunner = async (sql, params) => {
        if (begun) return statement(sql, params);
        begun = true;
        return (await runPipelined(client, [BEGIN, { sql, params }]))[1];
      };
      try {
        const tx = new Tx(run, actor, new Date());
        const result = await work(tx);
        const commit = tx.commitStatements();
        if (begun) await runPipelined(client, commit);
        else if (commit.length > 1) {
          begun = true;
          await runPipelined(client, [BEGIN, ...commit]);
        }
        return result;
      } catch (e) {
        // A connection that cannot even roll back is in no state to be reused.
        if (begun) await client.query('ROLLBACK').catch(drop);
        throw e;
      }
    });
  }
}

/** The unit of work of an audited read: a Tx (so every repository function takes it) whose `emit` cannot be called. */
export type ReadTx = Tx & { emit: never };
