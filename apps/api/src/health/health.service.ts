import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { Db } from '../database/db.js';

@Injectable()
export class HealthService {
  constructor(private readonly db: Db) {}

  /** Resolves when the database answers within 2 s; throws 503 otherwise. */
  async check(): Promise<void> {
    // A second try: after the database restarts, the pool's first idle connection is a dead one, which the
    // failed query removes; one stale connection is not an outage.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await Promise.race([
          this.db.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
        ]);
        return;
      } catch {
        // fall through to the next attempt
      }
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'Database unavailable');
  }
}
