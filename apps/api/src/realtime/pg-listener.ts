import type { Logger } from '@nestjs/common';
import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  channel: string;
  applicationName: string;
  /** Names the connection in log lines ("listener", "session listener"). */
  label: string;
  log: Logger;
  onNotification(payload: string | undefined): void;
  /** After every (re)connect: whatever was notified while nobody listened is looked up here. */
  onListening(): void;
}

/**
 * A dedicated connection that LISTENs on one channel (a pooled connection cannot: LISTEN belongs to a session) and
 * keeps trying, 1 s doubling to 30 s, until the database takes the LISTEN again after a drop.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(private readonly o: PgListenerOptions) {}

  async start(): Promise<void> {
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.o.url, application_name: this.o.applicationName });
    client.on('notification', (n) => this.o.onNotification(n.payload));
    client.on('error', (e) => {
      if (!this.stopped) this.o.log.warn(`${this.o.label} connection lost: ${e.message}`);
    });
    client.on('end', () => {
      if (this.stopped) return;
      this.client = null;
      this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.o.channel}`);
    } catch (e) {
      // The caller retries; this half-open client must not schedule a second retry when it ends.
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    this.o.onListening();
  }

  private reconnectLater(delayMs = 1000): void {
    setTimeout(() => {
      if (this.stopped || this.client) return;
      this.listen().catch((e: Error) => {
        this.o.log.warn(`${this.o.label} reconnect failed: ${e.message}`);
        this.reconnectLater(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs).unref();
  }
}
