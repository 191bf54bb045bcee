import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { poolOf, runOnPool } from './statements.js';

/**
 * What a repository function runs its statements on: a unit of work (Tx) or, for reads of shared data that are
 * nobody's personal record (regions, teams, skills, the event log), the pool (Db). Repository functions that take a
 * Queryable work with either; those that take a Tx need the transaction.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T | undefined>;
}

/**
 * The pool, for single-statement reads outside a transaction. Services and repositories get this instead of the
 * DataSource; a read of a person's record goes through `UnitOfWork.read` instead, which writes its audit row.
 */
@Injectable()
export class Db implements Queryable {
  constructor(private readonly ds: DataSource) {}

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await runOnPool(poolOf(this.ds), sql, params)) as T[];
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, params);
    return rows[0];
  }

  /** A round trip to the database, for GET /health. */
  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
