import type pg from 'pg';

/**
 * Runs one statement and answers its rows. Units of work (the background workers' too) and the pool reader run
 * on node-postgres directly (TypeORM keeps the pool and the migrations): its per-query wrapper was a measurable part
 * of a create's server CPU (issue 12).
 */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * TypeORM answers UPDATE and DELETE with `[rows, affectedCount]` but other statements with `rows`; every caller
 * wants rows. Rows are objects, never arrays, so the two shapes cannot be confused.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}

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
export async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
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

/** Runs `attempt` once more when it failed on a stale prepared statement, on connections that prepare afresh. */
export async function retryStalePlan<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (!isStalePlan(e)) throw e;
    generation++;
    return attempt();
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

/** One statement on a pooled connection of its own (again on a fresh one if its prepared statement went stale). */
export function runOnPool(pool: pg.Pool, sql: string, params: unknown[]): Promise<unknown[]> {
  return retryStalePlan(async () => {
    const client = await checkout(pool);
    let broken: Error | undefined;
    try {
      return await clientRunner(client)(sql, params);
    } catch (e) {
      if (isStalePlan(e)) broken = e as Error;
      throw e;
    } finally {
      client.release(broken);
    }
  });
}

/** node-postgres's pool under TypeORM's DataSource (the postgres driver's `master`). */
export function poolOf(ds: { driver: unknown }): pg.Pool {
  return (ds.driver as { master: pg.Pool }).master;
}
