import type { CallChannel, CallEventData, CallOutcome, CallStatus, CallView, Category, ClientMatch, TriageRecord } from '#contracts';
import type { Tx } from '../database/tx.js';
import { audience } from '../realtime/audience.js';

export interface CallRow {
  id: string;
  status: CallStatus;
  channel: CallChannel;
  caller_number: string | null;
  caller_digits: string | null;
  caller_relation: string | null;
  notes: string | null;
  received_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  outcome: CallOutcome | null;
  end_notes: string | null;
  counselor_id: string | null;
  client_id: string | null;
  incident_id: string | null;
  created_by: string | null;
  source: 'console' | 'telephony';
  idempotency_key: string | null;
  idempotency_fingerprint: string | null;
}

export function toCallView(r: CallRow, triage: TriageRecord | null, clientMatches: ClientMatch[]): CallView {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    callerNumber: r.caller_number,
    callerRelation: r.caller_relation,
    notes: r.notes,
    receivedAt: r.received_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    outcome: r.outcome,
    counselorId: r.counselor_id,
    clientId: r.client_id,
    incidentId: r.incident_id,
    clientMatches,
    triage,
  };
}

/** The queue row: no caller number, notes, matches or triage answers; those stay behind the audited read. */
export function toQueueView(r: CallRow): CallView {
  return { ...toCallView(r, null, []), callerNumber: null, callerRelation: null, notes: null };
}

/** Event data: ids, times and the category only, never the caller's number or notes. */
export function toCallEvent(r: CallRow, category: Category | null): CallEventData {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    receivedAt: r.received_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    counselorId: r.counselor_id,
    category,
    incidentId: r.incident_id,
    outcome: r.outcome,
  };
}

export async function loadCall(tx: Tx, id: string, forUpdate = false): Promise<CallRow | undefined> {
  return tx.one<CallRow>(`SELECT * FROM call WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

export async function currentCategory(tx: Tx, callId: string): Promise<Category | null> {
  const row = await tx.one<{ category: Category }>(`SELECT category FROM triage WHERE call_id = $1 AND superseded_at IS NULL`, [callId]);
  return row?.category ?? null;
}

/** Tells the hotline and the control room that a call changed; the payload carries no personal data. */
export async function emitCallUpdated(tx: Tx, callId: string): Promise<CallRow> {
  const row = (await loadCall(tx, callId))!;
  tx.emit('call.updated', toCallEvent(row, await currentCategory(tx, callId)), audience.hotline());
  return row;
}
