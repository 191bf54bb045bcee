import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventDataMap, EventType } from '#contracts';
import type { Actor } from '../common/actor.js';

/**
 * TypeORM answers UPDATE and DELETE with `[rows, affectedCount]` but other statements with `rows`; every caller
 * wants rows. Rows are objects, never arrays, so the two shapes cannot be confused.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

interface PendingEvent {
  type: EventType;
  data: unknown;
  audience: string[];
}

export interface AuditEntry {
  action: string;
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
export class Tx {
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

  emit<T extends EventType>(type: T, data: EventDataMap[T], audience: string[]): void {
    this.events.push({ type, data, audience: [...new Set(audience)] });
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

  /** Numbers and stores the pending events; called last so the counter's row lock is held only until commit. */
  async flushEvents(): Promise<number | null> {
    if (this.events.length === 0) return null;
    const n = this.events.length;
    const [row] = (await this.query<{ seq: string }>(`UPDATE event_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq`, [n])) as [
      { seq: string },
    ];
    const last = Number(row.seq);
    const first = last - n + 1;
    const occurredAt = this.now.toISOString();
    await insertEvents(this.manager, first, occurredAt, this.events);
    // NOTIFY is delivered at commit, in commit order; listeners then read the rows, so the payload is just seq.
    await this.manager.query(`SELECT pg_notify('crisis_events', $1)`, [String(last)]);
    return last;
  }
}

async function insertEvents(manager: EntityManager, first: number, occurredAt: string, events: PendingEvent[]): Promise<void> {
  const values: string[] = [];
  const params: unknown[] = [];
  events.forEach((e, i) => {
    const b = i * 5;
    values.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5}::text[])`);
    params.push(first + i, e.type, occurredAt, JSON.stringify(e.data), e.audience);
  });
  await manager.query(`INSERT INTO event (seq, type, occurred_at, data, audience) VALUES ${values.join(', ')}`, params);
}

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

  /** A read outside a transaction, still audited in its own short transaction (for reads of personal records). */
  get dataSource(): DataSource {
    return this.ds;
  }
}
