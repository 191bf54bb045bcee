import type { Logger } from '@nestjs/common';
import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  /** What each channel's notifications are handed to. */
  channels: Record<string, (payload: string | undefined) => void>;
  applicationName: string;
  log: Logger;
  /** After every (re)connect: whatever was notified while nobody listened is looked up here. */
  onListening(): void;
}

/**
 * The one dedicated connection of an instance that LISTENs (a pooled connection cannot: LISTEN belongs to a session),
 * on every channel the instance hears, and keeps trying, 1 s doubling to 30 s, until the database takes the LISTEN
 * again after a drop. One connection for all channels, not one each: PostgreSQL wakes every listening backend at
 * every commit that notifies, whatever its channel, so a second listener cost each create a backend's wake-up for a
 * notification it then skipped (issue 12).
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
    client.on('notification', (n) => this.o.channels[n.channel]?.(n.payload));
    client.on('error', (e) => {
      if (!this.stopped) this.o.log.warn(`listener connection lost: ${e.message}`);
    });
    client.on('end', () => {
      if (this.stopped) return;
      this.client = null;
      this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(
        Object.keys(this.o.channels)
          .map((c) => `LISTEN ${client.escapeIdentifier(c)}`)
          .join('; '),
      );
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
        this.o.log.warn(`listener reconnect failed: ${e.message}`);
        this.reconnectLater(Math.min(delayMs * 2, 30_000));
      });
    }, delayMs).unref();
  }
}
