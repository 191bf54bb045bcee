import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, EventDataMap, EventType } from '#contracts';
import type { Actor } from '../common/actor.js';
import { audienceOf } from '../realtime/audience.js';
import type { Queryable } from './db.js';

/**
 * TypeORM answers UPDATE and DELETE with `[rows, affectedCount]` but other statements with `rows`; every caller
 * wants rows. Rows are objects, never arrays, so the two shapes cannot be confused.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}

interface PendingEvent {
  type: EventType;
  data: unknown;
  audience: string[];
}

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

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(await this.manager.query(sql, params));
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

  async audit(entry: AuditEntry): Promise<void> {
    await this.manager.query(
      `INSERT INTO audit (actor_id, actor_username, actor_role, action, entity_type, entity_id, subject_id, ip, user_agent, details)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        this.actor.userId,
        this.actor.username,
        this.actor.role,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.subjectId ?? null,
        this.actor.ip,
        this.actor.userAgent,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /**
   * Numbers, stores and announces the pending events in ONE statement, called last: the event_counter row lock that
   * makes `seq` gap-free and commit-ordered is then held for this statement and the commit only, never across the
   * transaction's other round trips (issue 12).
   */
  async flushEvents(): Promise<number | null> {
    if (this.events.length === 0) return null;
    const [row] = await this.query<{ last: string }>(FLUSH_EVENTS, [
      this.events.length,
      this.now.toISOString(),
      JSON.stringify(this.events.map((e) => ({ type: e.type, data: e.data, audience: e.audience }))),
      this.now.toISOString(), // the same instant as text: the envelope's occurredAt, exactly as toISOString() gives it
    ]);
    return Number(row!.last);
  }
}

/**
 * Counter, event rows and NOTIFY in one statement. The notification carries the envelopes themselves (built from the
 * stored jsonb, so byte for byte what GET /events answers) when they fit PostgreSQL's 8000-byte payload limit, else
 * just the last seq; NOTIFY is delivered at commit, in commit order, and the publisher reads the table whenever a
 * payload does not continue exactly where it stopped (realtime/publisher.ts).
 */
const FLUSH_EVENTS = `
  WITH c AS (UPDATE event_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq - $1 AS base),
  e AS (
    INSERT INTO event (seq, type, occurred_at, data, audience)
    SELECT c.base + x.i, x.e->>'type', $2::timestamptz, x.e->'data', ARRAY(SELECT jsonb_array_elements_text(x.e->'audience'))
    FROM c, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(e, i)
    RETURNING seq, type, data, audience),
  p AS (
    SELECT max(seq) AS last,
      jsonb_agg(jsonb_build_object('seq', seq, 'type', type, 'occurredAt', $4::text, 'data', data, 'audience', audience) ORDER BY seq)::text AS payload
    FROM e)
  SELECT p.last, pg_notify('crisis_events', CASE WHEN octet_length(p.payload) <= 7900 THEN p.payload ELSE p.last::text END) FROM p`;

@Injectable()
export class UnitOfWork {
  constructor(private readonly ds: DataSource) {}

  /** Runs `work` in one transaction; its events get their seq last, right before commit. */
  run<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (manager) => {
      const tx = new Tx(manager, actor, new Date());
      const result = await work(tx);
      await tx.flushEvents();
      return result;
    });
  }

  /**
   * An audited read of a person's record: the read and the audit rows that say who saw it commit in one short
   * transaction, so nobody sees a record the access log does not show (PIPA). Every read of a client, call,
   * incident, handoff, follow-up, admission, export or of the access log itself goes through here. A read raises
   * no events: `emit` is not there to call, and one raised by a repository function fails the read.
   */
  read<T>(actor: Actor, work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (manager) => {
      const tx = new Tx(manager, actor, new Date());
      const result = await work(tx as ReadTx);
      if (tx.raised > 0) throw new Error('An audited read raised events');
      return result;
    });
  }
}

/** The unit of work of an audited read: a Tx (so every repository function takes it) whose `emit` cannot be called. */
export type ReadTx = Tx & { emit: never };
