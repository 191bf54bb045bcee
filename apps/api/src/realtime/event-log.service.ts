import { Injectable } from '@nestjs/common';
import { roomsForClaims, type AccessClaims, type EventsPage } from '#contracts';
import { Db } from '../database/db.js';
import { headSeq, visibleEvents } from './events.repository.js';

/** The stored event log as a client reads it over REST: where it ends, and what its rooms missed. */
@Injectable()
export class EventLogService {
  constructor(private readonly db: Db) {}

  head(): Promise<number> {
    return headSeq(this.db);
  }

  /** What this caller's rooms would have received after `after`, in seq order. */
  visible(claims: AccessClaims, after: number, limit: number): Promise<EventsPage> {
    return visibleEvents(this.db, roomsForClaims(claims), after, limit);
  }
}
