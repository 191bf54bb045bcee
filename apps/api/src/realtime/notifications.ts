import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import { SESSIONS_CHANNEL } from '../auth/sessions.repository.js';
import { EVENTS_CHANNEL } from '../database/events-statement.js';
import { PgListener } from './pg-listener.js';
import { EventPublisher } from './publisher.js';
import { SessionWatcher } from './session-watcher.js';

/** What an instance hears from the database: committed events for its sockets, and sessions that ended. */
@Injectable()
export class Notifications {
  private readonly log = new Logger('Notifications');
  private listener: PgListener | null = null;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly sessions: SessionWatcher,
  ) {}

  async start(server: Server, databaseUrl: string): Promise<void> {
    await this.publisher.start(server);
    this.sessions.start();
    const listener = new PgListener({
      url: databaseUrl,
      applicationName: 'crisis-dispatch-listener',
      log: this.log,
      channels: {
        [EVENTS_CHANNEL]: (payload) => this.publisher.onNotification(payload),
        [SESSIONS_CHANNEL]: (payload) => this.sessions.onNotification(payload),
      },
      // Whatever was committed or ended while nobody listened is found now.
      onListening: () => {
        this.publisher.kick();
        void this.sessions.sweep();
      },
    });
    await listener.start();
    this.listener = listener;
  }

  async stop(): Promise<void> {
    await this.publisher.stop();
    this.sessions.stop();
    await this.listener?.stop();
    this.listener = null;
  }
}
