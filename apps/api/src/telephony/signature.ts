import { createHmac, timingSafeEqual } from 'node:crypto';

// The PBX signs each webhook body with the shared secret: `X-Signature: sha256=<hex HMAC-SHA256(raw body)>`.
// The raw bytes are signed, not re-serialised JSON, so key order or spacing cannot break or forge a match.

export const SIGNATURE_HEADER = 'x-signature';

export function signBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of the header against the body's signature. */
export function signatureMatches(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(match[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
