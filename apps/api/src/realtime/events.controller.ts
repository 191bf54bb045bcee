import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { eventsQuerySchema, type AccessClaims, type EventsPage } from '#contracts';
import { parseOrThrow } from '../common/validation.js';
import { AnyUser, Claims } from '../auth/decorators.js';
import { EventLogService } from './event-log.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly log: EventLogService) {}

  /**
   * Where the log ends now. A client loads its snapshot over REST after reading this, then catches up from here,
   * instead of replaying the whole history at login.
   */
  @Get('head')
  @AnyUser()
  async head(): Promise<{ lastSeq: number }> {
    return { lastSeq: await this.log.head() };
  }

  /** Catch-up after a disconnect: what this caller's rooms would have received, in seq order. */
  @Get()
  @AnyUser()
  list(@Claims() claims: AccessClaims, @Query() query: Record<string, unknown>): Promise<EventsPage> {
    const { after, limit } = parseOrThrow(eventsQuerySchema, query);
    return this.log.visible(claims, after, limit);
  }
}
