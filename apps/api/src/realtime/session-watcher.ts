import { Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { deadSessions, SESSIONS_CHANNEL, type SessionEnded } from '../auth/sessions.repository.js';
import { EventsGateway } from './events.gateway.js';
import { PgListener } from './pg-listener.js';

/**
 * Closes live sockets of ended sessions on every instance. A session ends in a transaction that NOTIFYs at commit;
 * each instance LISTENs and closes its own sockets of that user or session at once. A notification lost while the
 * listener was reconnecting is caught by a sweep that re-checks every open socket's session in the database.
 */
@Injectable()
export class SessionWatcher {
  private readonly log = new Logger('SessionWatcher');
  private listener: PgListener | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly gateway: EventsGateway,
  ) {}

  async start(databaseUrl: string, sweepMs = 30_000): Promise<void> {
    const listener = new PgListener({
      url: databaseUrl,
      channel: SESSIONS_CHANNEL,
      applicationName: 'crisis-dispatch-sessions',
      label: 'session listener',
      log: this.log,
      onNotification: (payload) => {
        const ended = parseEnded(payload);
        if (ended)
          void this.gateway
            .endSessions(ended)
            .catch((e: Error) => this.log.warn(`closing sockets failed: ${e.message}`));
      },
      // Whatever ended while nobody listened is found now.
      onListening: () => void this.sweep(),
    });
    await listener.start();
    this.listener = listener;
    this.sweepTimer = setInterval(() => void this.sweep(), sweepMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.listener?.stop();
    this.listener = null;
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
