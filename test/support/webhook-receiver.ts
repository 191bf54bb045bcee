import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP endpoint standing in for a partner's system, and a Standard Webhooks verifier written from the
// specification with node:crypto alone (not the library the server signs with), so a signing bug cannot hide.

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  answered: number;
}

/** Answers each request to a path with the next status of its script (the last one repeats); default 200. */
export interface WebhookReceiver {
  url(path: string): string;
  script(path: string, statuses: number[], delayMs?: number): void;
  received: ReceivedWebhook[];
  on(path: string): ReceivedWebhook[];
  waitFor(path: string, count: number, ms?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const scripts = new Map<string, { statuses: number[]; delayMs: number }>();
  const counts = new Map<string, number>();
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = counts.get(path) ?? 0;
      counts.set(path, n + 1);
      const script = scripts.get(path) ?? { statuses: [200], delayMs: 0 };
      const status = script.statuses[Math.min(n, script.statuses.length - 1)];
      received.push({
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
        answered: status,
      });
      setTimeout(
        () => res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope'),
        script.delayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const on = (path: string): ReceivedWebhook[] => received.filter((r) => r.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    script: (path, statuses, delayMs = 0) => void scripts.set(path, { statuses, delayMs }),
    received,
    on,
    async waitFor(path, count, ms = 15_000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (on(path).length >= count) return on(path);
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`receiver: ${on(path).length} of ${count} requests to ${path} within ${ms} ms`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Standard Webhooks signature of `id.timestamp.body`: `v1,` + base64 HMAC-SHA256 keyed by the secret's bytes. */
export function specSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Verifies a received webhook per the specification: a matching v1 signature and a timestamp within 5 minutes. */
export function specVerify(secret: string, r: Pick<ReceivedWebhook, 'headers' | 'body'>, now = Date.now()): boolean {
  const id = r.headers['webhook-id'];
  const ts = r.headers['webhook-timestamp'];
  const sigs = r.headers['webhook-signature'];
  if (typeof id !== 'string' || typeof ts !== 'string' || typeof sigs !== 'string') return false;
  if (Math.abs(now / 1000 - Number(ts)) > 300) return false;
  const expected = Buffer.from(specSignature(secret, id, ts, r.body));
  return sigs.split(' ').some((s) => {
    const got = Buffer.from(s);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
