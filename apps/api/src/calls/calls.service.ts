import { Injectable } from '@nestjs/common';
import type {
  CallStatus,
  CallView,
  CreateCallRequest,
  EndCallRequest,
  TelephonyIncomingRequest,
  TelephonyIncomingResponse,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, DomainError, notFound, validationFailed } from '../common/errors.js';
import { type Tx, UnitOfWork } from '../database/tx.js';
import { adoptClient, appendTimeline } from '../incidents/incidents.repository.js';
import { recordOutcome } from '../incidents/recorded-outcome.js';
import { normalisePhone } from '../clients/phone.js';
import {
  auditMatchesShown,
  lastIncidentLocationOf,
  loadClient,
  matchClients,
  repeatContactOf,
} from '../clients/clients.repository.js';
import { currentTriage, toTriageRecord } from '../triage/triage.repository.js';
import { createFollowUpIfDue } from '../followups/follow-up-tasks.js';
import { assertActive, assertMayActOn } from './call-ownership.js';
import { requestFingerprint } from './idempotency.js';
import { Db } from '../database/db.js';
import {
  assignCall,
  callByIdempotencyKey,
  emitCallUpdatedFrom,
  endCall,
  insertCall,
  listCallQueue,
  loadCall,
  setCallClient,
  toCallEvent,
  toQueueView,
  toCallView,
  type CallRow,
  type NewCallRow,
} from './calls.repository.js';

/** A call to create: the row but for what insertion derives (the caller's digits, the matched client). */
type NewCall = Omit<NewCallRow, 'callerDigits' | 'clientId'>;

/** Ended calls are history: the queue lists the most recent ones only. */
const ENDED_LIST_LIMIT = 200;

@Injectable()
export class CallsService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  /** The live queue (oldest waiting first), without personal fields, so it needs no audit row. */
  async list(statuses: readonly CallStatus[]): Promise<CallView[]> {
    const rows = await listCallQueue(this.db, statuses, ENDED_LIST_LIMIT);
    return rows.map(toQueueView);
  }

  /**
   * A counselor opens a call at the console: it is theirs and active at once. A retry with the same
   * Idempotency-Key returns the first call (`replayed`), and a key reused for another request is a 409.
   */
  async create(
    actor: Actor,
    req: CreateCallRequest,
    idempotencyKey: string | null,
  ): Promise<{ call: CallView; replayed: boolean }> {
    return this.uow.run(actor, async (tx) => {
      const { row, replayed } = await this.createCall(tx, {
        status: 'active',
        channel: req.channel,
        callerNumber: req.callerNumber ?? null,
        callerRelation: req.callerRelation ?? null,
        notes: req.notes ?? null,
        receivedAt: tx.now,
        counselorId: actor.userId,
        createdBy: actor.userId,
        source: 'console',
        idempotencyKey,
        fingerprint: requestFingerprint({
          channel: req.channel,
          callerNumber: req.callerNumber,
          callerRelation: req.callerRelation,
          notes: req.notes,
        }),
      });
      if (replayed)
        await tx.audit({
          action: 'call.create-replayed',
          entityType: 'call',
          entityId: row.id,
          subjectId: row.client_id,
        });
      return { call: await this.fullView(tx, row, row.client_id), replayed };
    });
  }

  /** A ringing call pushed by the PBX; retries with the same externalId return the same call. */
  async createFromTelephony(
    actor: Actor,
    req: TelephonyIncomingRequest,
  ): Promise<{ call: TelephonyIncomingResponse; replayed: boolean }> {
    const receivedAt = req.receivedAt ? new Date(req.receivedAt) : null;
    // A PBX clock a little ahead is tolerated; a call from the future is a misconfigured sender.
    if (receivedAt && receivedAt.getTime() > Date.now() + 5 * 60_000) {
      throw validationFailed([{ field: 'receivedAt', message: 'is in the future' }]);
    }
    return this.uow.run(actor, async (tx) => {
      const { row, replayed } = await this.createCall(tx, {
        status: 'ringing',
        channel: 'phone',
        callerNumber: req.callerNumber,
        callerRelation: null,
        notes: null,
        receivedAt: receivedAt ?? tx.now,
        counselorId: null,
        createdBy: null,
        source: 'telephony',
        idempotencyKey: req.externalId ?? null,
        // The PBX may resend with a re-stamped time; only the number identifies the request.
        fingerprint: requestFingerprint({ caller: normalisePhone(req.callerNumber) ?? req.callerNumber }),
      });
      return { call: { id: row.id, status: row.status, receivedAt: row.received_at.toISOString() }, replayed };
    });
  }

  /** The call with its current triage and caller matches: an audited read (PIPA access log). */
  get(actor: Actor, id: string): Promise<CallView> {
    return this.uow.read(actor, async (tx) => {
      const row = await loadCall(tx, id);
      if (!row) throw notFound('Call');
      await tx.audit({ action: 'call.read', entityType: 'call', entityId: id, subjectId: row.client_id });
      return this.fullView(tx, row, row.client_id);
    });
  }

  /** Takes a ringing call (or confirms one already ours); another counselor's call needs a takeover. */
  answer(actor: Actor, id: string): Promise<CallView> {
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, id, true);
      if (!call) throw notFound('Call');
      if (call.status === 'ended') throw conflict('STATE_CHANGED', 'The call has ended');
      if (call.status === 'active' && call.counselor_id === actor.userId) return this.fullView(tx, call, null);
      if (call.status === 'active')
        throw conflict('CONFLICT', 'Another counselor has answered this call; take it over explicitly if needed');
      // Conditional on 'ringing' as well as the row lock, so the rule holds even if the lock above is removed.
      const row = await assignCall(tx, id, actor.userId, ['ringing']);
      if (!row) throw conflict('STATE_CHANGED', 'The call was answered by someone else');
      await tx.audit({ action: 'call.answered', entityType: 'call', entityId: id, subjectId: row.client_id });
      if (row.incident_id) await appendTimeline(tx, row.incident_id, 'call.answered', { callId: id });
      return this.viewAndAnnounce(tx, row, row.client_id);
    });
  }

  /** An explicit, recorded takeover of a call another counselor holds (or of a ringing one). */
  takeover(actor: Actor, id: string, reason: string): Promise<CallView> {
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, id, true);
      if (!call) throw notFound('Call');
      if (call.status === 'ended') throw conflict('STATE_CHANGED', 'The call has ended');
      if (call.status === 'active' && call.counselor_id === actor.userId) return this.fullView(tx, call, null);
      // Locked and not ended (checked above), so it is ringing or another counselor's active call.
      const row = (await assignCall(tx, id, actor.userId, ['ringing', 'active']))!;
      await tx.audit({
        action: 'call.taken-over',
        entityType: 'call',
        entityId: id,
        subjectId: row.client_id,
        details: { fromCounselorId: call.counselor_id, reason },
      });
      if (row.incident_id)
        await appendTimeline(tx, row.incident_id, 'call.taken-over', {
          callId: id,
          fromCounselorId: call.counselor_id,
          reason,
        });
      return this.viewAndAnnounce(tx, row, row.client_id);
    });
  }

  /** Ends the call with its outcome; a B–D call without a dispatch leaves a follow-up task behind. */
  end(actor: Actor, id: string, req: EndCallRequest): Promise<CallView> {
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, id, true);
      if (!call) throw notFound('Call');
      assertMayActOn(call, actor);
      assertActive(call, 'end it');
      const row = (await endCall(tx, id, req.outcome, req.notes ?? null))!;
      const names = { action: 'call.ended', entityType: 'call', timeline: 'call.ended', idKey: 'callId' } as const;
      await recordOutcome(tx, row, names, req.outcome);
      await createFollowUpIfDue(tx, row);
      return this.viewAndAnnounce(tx, row, row.client_id);
    });
  }

  /** Links the call (and its incident, if it has none yet) to a registered client, or unlinks a wrong match. */
  linkClient(actor: Actor, id: string, clientId: string | null): Promise<CallView> {
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, id, true);
      if (!call) throw notFound('Call');
      assertMayActOn(call, actor);
      if (clientId && !(await loadClient(tx, clientId)))
        throw validationFailed([{ field: 'clientId', message: 'no such client' }]);
      const row = (await setCallClient(tx, id, clientId))!;
      await tx.audit({
        action: clientId ? 'call.client-linked' : 'call.client-unlinked',
        entityType: 'call',
        entityId: id,
        subjectId: clientId ?? call.client_id,
      });
      if (row.incident_id && clientId) {
        // The incident follows the call's link only while it has none; a second caller never relinks it.
        if (await adoptClient(tx, row.incident_id, clientId))
          await appendTimeline(tx, row.incident_id, 'client.linked', { callId: id, clientId });
      }
      return this.viewAndAnnounce(tx, row, clientId ?? call.client_id);
    });
  }

  private async createCall(tx: Tx, c: NewCall): Promise<{ row: CallRow; replayed: boolean }> {
    const digits = normalisePhone(c.callerNumber);
    const matches = await matchClients(tx, digits);
    // A number that belongs to exactly one client links the call at once, so the incident links too; with
    // several (a shared line) the counselor picks one with POST /calls/:id/client.
    const clientId = matches.length === 1 ? matches[0].id : null;
    const row = await insertCall(tx, { ...c, callerDigits: digits, clientId });
    if (!row) {
      // The key exists (possibly committed a moment ago by a concurrent retry: ON CONFLICT waited for it).
      const existing = await callByIdempotencyKey(tx, c.createdBy ?? c.source, c.idempotencyKey);
      if (!existing)
        throw new DomainError('CONFLICT', 'The Idempotency-Key is being used by a request that did not finish; retry');
      if (existing.idempotency_fingerprint !== c.fingerprint) {
        throw new DomainError('CONFLICT', 'This Idempotency-Key was already used for a different request', [
          { field: 'Idempotency-Key', message: 'already used with a different body' },
        ]);
      }
      return { row: existing, replayed: true };
    }
    await tx.audit({
      action: 'call.created',
      entityType: 'call',
      entityId: row.id,
      subjectId: row.client_id,
      details: { channel: row.channel, source: row.source, clientMatches: matches.length },
    });
    tx.emit('call.created', toCallEvent(row, null));
    return { row, replayed: false };
  }

  /**
   * The call's view for the one who changed it, and `call.updated` for everyone else, built from the row the change
   * returned and the triage the view reads anyway (no second read of either).
   */
  private async viewAndAnnounce(tx: Tx, row: CallRow, alreadyLogged: string | null): Promise<CallView> {
    const view = await this.fullView(tx, row, alreadyLogged);
    emitCallUpdatedFrom(tx, row, view.triage?.category ?? null);
    return view;
  }

  /**
   * The full view (caller number, notes, matches, triage answers). Every client named in it is logged as
   * seen, except `alreadyLogged`, whose access the calling action's own audit row records as subject.
   */
  private async fullView(tx: Tx, row: CallRow, alreadyLogged: string | null): Promise<CallView> {
    const matches = await matchClients(tx, row.caller_digits);
    await auditMatchesShown(tx, row.id, matches, alreadyLogged);
    const triage = await currentTriage(tx, row.id);
    // "Third call this week": earlier contacts of the person the number (or the link) identifies.
    const clientIds = [...new Set([...matches.map((m) => m.id), ...(row.client_id ? [row.client_id] : [])])];
    const repeatContact = await repeatContactOf(tx, {
      callId: row.id,
      digits: row.caller_digits,
      clientIds,
      before: row.received_at,
    });
    const recognised = row.client_id ?? (matches.length === 1 ? matches[0].id : null);
    const clientLastLocation = recognised ? await lastIncidentLocationOf(tx, recognised) : null;
    return { ...toCallView(row, triage ? toTriageRecord(triage) : null, matches), repeatContact, clientLastLocation };
  }
}
