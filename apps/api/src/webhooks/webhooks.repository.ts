import type { AnyEventEnvelope, WebhookAgencySummary, WebhookDeliveryStatus, WebhookDeliveryView } from '#contracts';
import type { Tx } from '../database/tx.js';

// SQL of the webhook outbox. Rows are written by the event table's trigger (migration 1763800700000), in the
// transaction that stores the event; this file claims, records and lists them.

interface DeliveryRow {
  id: string;
  agency_id: string;
  event_seq: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  body: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

/** A claimed delivery with what sending it needs: the agency's endpoint and secret and the stored event. */
export interface ClaimedDelivery extends DeliveryRow {
  webhook_url: string | null;
  webhook_secret: string | null;
  agency_name: string;
  occurred_at: Date;
  data: AnyEventEnvelope['data'];
}

export function toDeliveryView(r: DeliveryRow): WebhookDeliveryView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    eventSeq: Number(r.event_seq),
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/** The event envelope exactly as the agency's socket room receives it (same stored row, same shape). */
export function envelopeOf(d: ClaimedDelivery): AnyEventEnvelope {
  return {
    seq: Number(d.event_seq),
    type: d.event_type,
    occurredAt: d.occurred_at.toISOString(),
    data: d.data,
  } as AnyEventEnvelope;
}

/**
 * Locks the next due delivery for the caller's transaction. SKIP LOCKED: another instance (or worker) passes over
 * a row being sent and takes the next, so each delivery is sent by exactly one of them at a time.
 */
export async function claimDueDelivery(tx: Tx): Promise<ClaimedDelivery | undefined> {
  return tx.one<ClaimedDelivery>(
    `SELECT d.*, a.webhook_url, a.webhook_secret, a.name AS agency_name, e.occurred_at, e.data
     FROM webhook_delivery d JOIN agency a ON a.id = d.agency_id JOIN event e ON e.seq = d.event_seq
     WHERE d.status = 'pending' AND d.next_attempt_at <= now()
     ORDER BY d.next_attempt_at, d.event_seq LIMIT 1
     FOR UPDATE OF d SKIP LOCKED`,
  );
}

export interface AttemptResult {
  status: WebhookDeliveryStatus;
  httpStatus: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

/** Fixes the body of a delivery at its first attempt. */
export async function storeBody(tx: Tx, id: string, body: string): Promise<void> {
  await tx.query(`UPDATE webhook_delivery SET body = $2 WHERE id = $1`, [id, body]);
}

export async function recordAttempt(tx: Tx, id: string, r: AttemptResult): Promise<void> {
  await tx.query(
    `UPDATE webhook_delivery SET attempts = attempts + 1, status = $2, last_status = $3, last_error = $4,
       next_attempt_at = coalesce($5, next_attempt_at), delivered_at = CASE WHEN $2 = 'delivered' THEN $6::timestamptz ELSE delivered_at END
     WHERE id = $1`,
    [id, r.status, r.httpStatus, r.error, r.nextAttemptAt?.toISOString() ?? null, tx.now.toISOString()],
  );
}

export async function listDeliveries(
  tx: Tx,
  agencyId: string,
  status: WebhookDeliveryStatus | null,
  limit: number,
): Promise<WebhookDeliveryView[]> {
  const rows = await tx.query<DeliveryRow>(
    `SELECT * FROM webhook_delivery WHERE agency_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY event_seq DESC, created_at DESC LIMIT $3`,
    [agencyId, status, limit],
  );
  return rows.map(toDeliveryView);
}

/** Puts a failed delivery back in the queue for one more attempt now; null when it is not failed. */
export async function requeueFailed(tx: Tx, id: string): Promise<WebhookDeliveryView | null> {
  const row = await tx.one<DeliveryRow>(
    `UPDATE webhook_delivery SET status = 'pending', next_attempt_at = $2 WHERE id = $1 AND status = 'failed' RETURNING *`,
    [id, tx.now.toISOString()],
  );
  return row ? toDeliveryView(row) : null;
}

export async function findDelivery(tx: Tx, id: string): Promise<WebhookDeliveryView | null> {
  const row = await tx.one<DeliveryRow>(`SELECT * FROM webhook_delivery WHERE id = $1`, [id]);
  return row ? toDeliveryView(row) : null;
}

export async function agencySummaries(tx: Tx): Promise<WebhookAgencySummary[]> {
  const rows = await tx.query<{
    id: string;
    code: string;
    name: string;
    kind: WebhookAgencySummary['kind'];
    webhook_url: string | null;
    pending: number;
    delivered: number;
    failed: number;
  }>(
    `SELECT a.id, a.code, a.name, a.kind, a.webhook_url,
       count(d.id) FILTER (WHERE d.status = 'pending')::int AS pending,
       count(d.id) FILTER (WHERE d.status = 'delivered')::int AS delivered,
       count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed
     FROM agency a LEFT JOIN webhook_delivery d ON d.agency_id = a.id
     GROUP BY a.id ORDER BY (a.webhook_url IS NULL), a.kind, a.name`,
  );
  return rows.map((r) => ({
    agencyId: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    webhookUrl: r.webhook_url,
    pending: r.pending,
    delivered: r.delivered,
    failed: r.failed,
  }));
}

/** The agency a handoff is addressed to, with its signing secret: the inbound partner API checks against it. */
export async function handoffAgencySecret(
  tx: Tx,
  handoffId: string,
): Promise<{ agency_id: string; code: string; webhook_secret: string | null } | undefined> {
  return tx.one(
    `SELECT a.id AS agency_id, a.code, a.webhook_secret FROM handoff h JOIN agency a ON a.id = h.agency_id WHERE h.id = $1`,
    [handoffId],
  );
}
