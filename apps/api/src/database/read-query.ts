import type { DataSource } from 'typeorm';

/** Runs one statement and answers its rows: a transaction's, or the pool's for reads that need none. */
export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Reads outside a transaction (a list that changes nothing and logs nothing), for repository functions. */
export function readQuery(ds: DataSource): Query {
  return async <T>(sql: string, params: unknown[] = []) => (await ds.query(sql, params)) as T[];
}
