import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

// Standard Webhooks (standardwebhooks.com) through its reference library: the same code signs what we send and
// verifies what partners send us, so the two directions cannot drift apart.

/** A new secret in the spec's form: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

/** True when the raw body carries a valid signature with a timestamp within the library's tolerance (5 minutes). */
export function verifyWebhook(
  secret: string,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const flat: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const v = headers[name];
    if (typeof v === 'string') flat[name] = v;
  }
  try {
    new Webhook(secret).verify(rawBody, flat, { jsonParse: false });
    return true;
  } catch (e) {
    // A malformed secret or header is a refusal too, never a 500.
    if (e instanceof WebhookVerificationError || e instanceof Error) return false;
    throw e;
  }
}
