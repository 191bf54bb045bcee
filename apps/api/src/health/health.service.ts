import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { Db } from '../database/db.js';

/** How long the database has to answer before GET /health says 503. */
const BUDGET_MS = 2000;
/** Between tries after the first retry: a database that refuses connections is not asked in a busy loop. */
const PAUSE_MS = 50;

@Injectable()
export class HealthService {
  constructor(private readonly db: Db) {}

  /** Resolves when the database answers within the budget; throws 503 otherwise. */
  async check(): Promise<void> {
    // Tries again until the budget is spent. After the database restarts, every connection the pool keeps open (its
    // minimum: all of them by default) is a dead one until the query that finds it so removes it; a pool of dead
    // connections is not an outage once the database is back.
    const deadline = Date.now() + BUDGET_MS;
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      try {
        await Promise.race([
          this.db.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), left).unref()),
        ]);
        return;
      } catch {
        if (attempt > 0)
          await new Promise((r) => setTimeout(r, Math.min(PAUSE_MS, Math.max(0, deadline - Date.now()))));
      }
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'Database unavailable');
  }
}
