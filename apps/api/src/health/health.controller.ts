import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '#contracts';
import { DomainError } from '../common/errors.js';
import { Public } from '../auth/decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @Public()
  async check(): Promise<HealthResponse> {
    // A second try: after the database restarts, the pool's first idle connection is a dead one, which the
    // failed query removes; one stale connection is not an outage.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await Promise.race([
          this.ds.query('SELECT 1'),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
        ]);
        return { status: 'ok' };
      } catch {
        // fall through to the next attempt
      }
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'Database unavailable');
  }
}
