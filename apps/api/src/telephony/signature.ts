import { createHmac, timingSafeEqual } from 'node:crypto';

// The PBX signs each webhook with the shared secret over the timestamp and the raw body:
//   X-Timestamp: <unix seconds>      X-Signature: sha256=<hex HMAC-SHA256("<timestamp>.<raw body>")>
// The raw bytes are signed, not re-serialised JSON, so key order or spacing cannot break or forge a match; the
// signed timestamp bounds how long a captured request can be replayed (MAX_SKEW_SECONDS either way).

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';
export const MAX_SKEW_SECONDS = 300;

export function signBody(secret: string, body: Buffer | string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** Constant-time check of the signature, and that the signed timestamp is within the allowed skew of `now`. */
export function signatureMatches(
  secret: string,
  body: Buffer,
  header: string | undefined,
  timestampHeader: string | undefined,
  now: Date = new Date(),
): boolean {
  if (!header || !timestampHeader || !/^\d{1,12}$/.test(timestampHeader.trim())) return false;
  const timestamp = Number(timestampHeader.trim());
  if (Math.abs(now.getTime() / 1000 - timestamp) > MAX_SKEW_SECONDS) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
