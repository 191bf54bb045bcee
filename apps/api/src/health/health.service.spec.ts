import { DomainError } from '../common/errors.js';
import type { Db } from '../database/db.js';
import { HealthService } from './health.service.js';

/** A pool whose first `dead` connections fail (as after a database restart), then answer. */
function poolWithDead(dead: number): { db: Db; tries: () => number } {
  let tries = 0;
  const db = {
    ping: () => (++tries <= dead ? Promise.reject(new Error('Connection terminated')) : Promise.resolve()),
  } as unknown as Db;
  return { db, tries: () => tries };
}

describe('HealthService', () => {
  it('answers once the pool has shed all its dead connections (the database is back)', async () => {
    const pool = poolWithDead(20);
    await expect(new HealthService(pool.db).check()).resolves.toBeUndefined();
    expect(pool.tries()).toBe(21);
  });

  it('says 503 when the database never answers', async () => {
    const pool = poolWithDead(Number.POSITIVE_INFINITY);
    const error = await new HealthService(pool.db).check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    expect(pool.tries()).toBeGreaterThan(1);
  });
});
