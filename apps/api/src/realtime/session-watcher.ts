import { Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import { Db } from '../database/db.js';
import { deadSessions, SESSIONS_CHANNEL, type SessionEnded } from '../auth/sessions.repository.js';
import { EventsGateway } from './events.gateway.js';

/**
 * Closes live sockets of ended sessions on every instance. A session ends in a transaction that NOTIFYs at commit;
 * each instance LISTENs and closes its own sockets of that user or session at once. A notification lost while the
 * listener was reconnecting is caught by a sweep that re-checks every open socket's session in the database.
 */
@Injectable()
export class SessionWatcher {
  private readonly log = new Logger('SessionWatcher');
  private listener: pg.Client | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private url = '';

  constructor(
    private readonly db: Db,
    private readonly gateway: EventsGateway,
  ) {}

  async start(databaseUrl: string, sweepMs = 30_000): Promise<void> {
    this.url = databaseUrl;
    await this.listen();
    this.sweepTimer = setInterval(() => void this.sweep(), sweepMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.listener?.end().catch(() => undefined);
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

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'crisis-dispatch-sessions' });
    client.on('notification', (n) => {
      const ended = parseEnded(n.payload);
      if (ended)
        void this.gateway.endSessions(ended).catch((e: Error) => this.log.warn(`closing sockets failed: ${e.message}`));
    });
    client.on('error', (e) => {
      if (!this.stopped) this.log.warn(`session listener connection lost: ${e.message}`);
    });
    client.on('end', () => {
      if (this.stopped) return;
      this.listener = null;
      this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw e;
    }
    this.listener = client;
    // Whatever ended while nobody listened is found now.
    void this.sweep();
  }

  private reconnectLater(delayMs = 1000): void {
    setTimeout(() => {
      if (this.stopped || this.listener) return;
      this.listen().catch((e: Error) => {
        this.log.warn(`session listener reconnect failed: ${e.message}`);
        this.reconnectLater(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs).unref();
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
