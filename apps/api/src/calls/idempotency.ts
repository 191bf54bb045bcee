import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseOrThrow } from '../common/validation.js';

// Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): a retry with the same key returns the
// call created the first time. The key is scoped to its creator (unique index on created_by, key), and a key
// sent again with a different request is a client bug that must not silently return the wrong call: 409.

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const keySchema = z.strictObject({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .optional(),
});

/** The validated header value, or null when absent; a malformed key is a 400 naming the header. */
export function parseIdempotencyKey(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  return parseOrThrow(keySchema, { [IDEMPOTENCY_HEADER]: value })[IDEMPOTENCY_HEADER] ?? null;
}

/** A stable hash of the request's meaning: fields in a fixed order, absent and undefined alike. */
export function requestFingerprint(fields: Record<string, string | number | boolean | null | undefined>): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
