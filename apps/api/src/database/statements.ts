import type pg from 'pg';
import type { Statement } from './write-batch.js';

/**
 * Runs one statement and answers its rows. Units of work (the background workers' too) and the pool reader run
 * on node-postgres directly (TypeORM keeps the pool and the migrations): its per-query wrapper was a measurable part
 * of a create's server CPU (issue 12).
 */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<unknown[]>;

// Statements are named by their text, so each connection parses and plans them once instead of on
// every call (measured: about a third of PostgreSQL's CPU per incident create, docs/performance.md). The texts are
// the code's own, so their number is small; the cap only bounds a mistake.
const MAX_NAMED = 5000;
const names = new Map<string, string>();

export function statementName(sql: string): string | undefined {
  const known = names.get(sql);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED) return undefined;
  const name = `crisis_${names.size + 1}`;
  names.set(sql, name);
  return name;
}

/**
 * A prepared statement whose result columns a migration changed while this instance ran (`SELECT t.*` after a column
 * was added): PostgreSQL refuses to run it again on that connection ("cached plan must not change result type") and
 * node-postgres would keep using it.
 */
export function isStalePlan(e: unknown): boolean {
  return (e as { code?: string })?.code === '0A000' && /cached plan/.test((e as Error).message ?? '');
}

// Connections are stamped with the schema generation they were first used in; a stale statement anywhere moves the
// generation on, and every connection from before is dropped when next taken from the pool (any of its statements
// may be stale), so the work's second run is on a connection that prepares afresh.
let generation = 0;
const bornIn = new WeakMap<pg.PoolClient, number>();

/** A pooled connection none of whose prepared statements predate the last schema change seen. */
async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  for (;;) {
    const client = await pool.connect();
    const born = bornIn.get(client);
    if (born === generation) return client;
    if (born === undefined) {
      bornIn.set(client, generation);
      return client;
    }
    client.release(true);
  }
}

/**
 * Runs `use` on a pooled connection and gives the connection back, dropped instead when a statement on it went stale
 * or `use` called `drop` (a connection in no state to be reused); a stale statement moves the generation on and
 * `use` runs once more, on a connection that prepares afresh.
 */
export async function withConnection<T>(
  pool: pg.Pool,
  use: (client: pg.PoolClient, drop: (why: Error) => void) => Promise<T>,
): Promise<T> {
  const once = async (): Promise<T> => {
    const client = await checkout(pool);
    let broken: Error | undefined;
    // A checked-out connection has no listener of the pool's: when PostgreSQL ends its session (a restart, a
    // failover, pg_terminate_backend) between two statements of `use`, node-postgres emits the error on the client,
    // and an error event nobody listens to ends the whole process. Here it ends this unit of work only: its next
    // statement fails ("not queryable") and the connection is dropped instead of going back to the pool.
    const lost = (e: Error): void => {
      broken ??= e;
    };
    client.on('error', lost);
    try {
      return await use(client, (why) => (broken = why));
    } catch (e) {
      if (isStalePlan(e)) broken = e as Error;
      throw e;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  };
  try {
    return await once();
  } catch (e) {
    if (!isStalePlan(e)) throw e;
    generation++;
    return once();
  }
}

export function clientRunner(client: pg.PoolClient): SqlRunner {
  return async (sql, params) => {
    const name = statementName(sql);
    const result = await client.query<Record<string, unknown>>(
      name ? { name, text: sql, values: params } : { text: sql, values: params },
    );
    return result.rows;
  };
}

/** The parts of node-postgres's client this reaches into: its pipeline switch and the socket under it. */
interface PipelinedClient {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
}

/**
 * Which of a pipeline's statements a failure `runPipelined` threw came from: a group commit sends one member's last
 * writes with the next member's first statement and must know whose they were (group-commit.ts).
 */
export const failedStatement = new WeakMap<Error, number>();

/**
 * Sends `statements` (each prepared once per connection, like every other) together, without waiting for one answer
 * before writing the next: node-postgres's pipeline mode, switched on for this call only. The messages leave in one
 * write, so PostgreSQL runs them back to back; a lock the one takes is released by a later one (COMMIT) with no round
 * trip to this process in between. Each statement is answered on its own; after a failure PostgreSQL refuses the
 * rest of the transaction (a COMMIT then rolls back), and the first failure is what this throws.
 */
export async function runPipelined(client: pg.PoolClient, statements: Statement[]): Promise<unknown[][]> {
  const c = client as unknown as PipelinedClient;
  c.pipeline = true;
  let answers: Promise<pg.QueryResult<Record<string, unknown>>>[];
  c.connection.stream.cork();
  try {
    answers = statements.map((s) => {
      const name = statementName(s.sql);
      return client.query(name ? { name, text: s.sql, values: s.params } : { text: s.sql, values: s.params });
    });
  } finally {
    c.connection.stream.uncork();
  }
  try {
    const settled = await Promise.allSettled(answers);
    const index = settled.findIndex((r) => r.status === 'rejected');
    if (index >= 0) {
      const reason = (settled[index] as PromiseRejectedResult).reason as unknown;
      if (reason instanceof Error) failedStatement.set(reason, index);
      throw reason;
    }
    return settled.map((r) => (r as PromiseFulfilledResult<pg.QueryResult<Record<string, unknown>>>).value.rows);
  } finally {
    // Only once every answer is in: node-postgres routes the answers to pipelined queries only while it is on.
    c.pipeline = false;
  }
}

/** One statement on a pooled connection of its own (again on a fresh one if its prepared statement went stale). */
export function runOnPool(pool: pg.Pool, sql: string, params: unknown[]): Promise<unknown[]> {
  return withConnection(pool, (client) => clientRunner(client)(sql, params));
}

/** node-postgres's pool under TypeORM's DataSource (the postgres driver's `master`). */
export function poolOf(ds: { driver: unknown }): pg.Pool {
  return (ds.driver as { master: pg.Pool }).master;
}
