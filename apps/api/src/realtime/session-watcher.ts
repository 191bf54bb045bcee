import { Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { deadSessions, type SessionEnded } from '../auth/sessions.repository.js';
import { EventsGateway } from './events.gateway.js';

/**
 * Closes live sockets of ended sessions on every instance. A session ends in a transaction that NOTIFYs at commit;
 * each instance LISTENs (notifications.ts) and closes its own sockets of that user or session at once. A notification
 * lost while the listener was reconnecting is caught by a sweep that re-checks every open socket's session in the
 * database.
 */
@Injectable()
export class SessionWatcher {
  private readonly log = new Logger('SessionWatcher');
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly gateway: EventsGateway,
  ) {}

  start(sweepMs = 30_000): void {
    this.sweepTimer = setInterval(() => void this.sweep(), sweepMs);
    this.sweepTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** A notification on the sessions channel: close this instance's sockets of the sessions that ended. */
  onNotification(payload: string | undefined): void {
    const ended = parseEnded(payload);
    if (ended)
      void this.gateway.endSessions(ended).catch((e: Error) => this.log.warn(`closing sockets failed: ${e.message}`));
  }

  /** Closes every local socket whose session is no longer live. */
  async sweep(): Promise<void> {
    try {
      const dead = await deadSessions(this.db, await this.gateway.openSessionIds());
      await this.gateway.closeSessions(dead);
    } catch (e) {
      if (!this.stopped) this.log.warn(`session sweep failed: ${(e as Error).message}`);
    }
  }
}

function parseEnded(payload: string | undefined): SessionEnded | null {
  try {
    const v = JSON.parse(payload ?? '') as Partial<SessionEnded>;
    if (typeof v.userId !== 'string') return null;
    return { userId: v.userId, sessionId: typeof v.sessionId === 'string' ? v.sessionId : null };
  } catch {
    return null;
  }
}
