import { Inject, Injectable } from '@nestjs/common';
import { partnersToNotify, triage, validateTriageSubmission } from '#triage';
import type { TriageOverrideInput, TriageRecord } from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, notFound, validationFailed } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { assertActive, assertMayActOn } from '../calls/call-ownership.js';
import { emitCallUpdatedFrom, loadCall, type CallRow } from '../calls/calls.repository.js';
import { applyTriageToIncident } from '../incidents/incident-triage.js';
import {
  currentTriage,
  replaceCurrentTriage,
  toTriageRecord,
  triageHistory,
  type TriageRow,
} from './triage.repository.js';

@Injectable()
export class TriageService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs the rules on the counselor's answers; a re-triage supersedes the current one and keeps it as history. */
  assess(actor: Actor, callId: string, body: unknown): Promise<TriageRecord> {
    // An unanswered question on the path is refused unless it is an explicit "could not ask" with a reason, and
    // then the counselor's category (with its reason) is what counts, recorded as an override of the rules.
    const checked = validateTriageSubmission(body);
    if (!checked.ok) throw validationFailed(checked.errors);
    const { input, couldNotAsk, counselorCategory } = checked.value;
    const suggested = triage(input, { responseTimes: this.config.responseTimes });
    const result = counselorCategory
      ? {
          ...suggested,
          category: counselorCategory.category,
          respondWithinMinutes: this.config.responseTimes[counselorCategory.category],
          notify: partnersToNotify(input, counselorCategory.category),
        }
      : suggested;
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, callId, true);
      if (!call) throw notFound('Call');
      assertMayActOn(call, actor);
      assertActive(call, 'triage it');
      const row = await replaceCurrentTriage(tx, {
        callId,
        input,
        suggestedCategory: suggested.category,
        result,
        assessedAt: tx.now,
        assessedBy: actor.userId,
        override: counselorCategory
          ? {
              from: suggested.category,
              to: counselorCategory.category,
              reason: `${counselorCategory.reason} (could not ask: ${couldNotAsk.map((c) => `${c.question}: ${c.reason}`).join('; ')})`,
              by: actor.username,
              at: tx.now.toISOString(),
            }
          : null,
      });
      const notAsked = couldNotAsk.length > 0 ? { couldNotAsk: couldNotAsk.map((c) => c.question) } : {};
      return this.finishTriage(tx, callId, call, row, {
        step: 'triage.assessed',
        details: {
          triageId: row.id,
          category: row.category,
          cssrsRisk: row.cssrs_risk,
          rulesVersion: row.rules_version,
          ...notAsked,
        },
      });
    });
  }

  /**
   * The counselor's (or supervisor's) judgement over the rules: the category changes, the answers and
   * reasons stay, and {from, to, reason, by, at} is kept. The assessment time stays that of the answers,
   * so the response deadline still runs from when the risk was assessed.
   */
  override(actor: Actor, callId: string, req: TriageOverrideInput): Promise<TriageRecord> {
    return this.uow.run(actor, async (tx) => {
      const call = await loadCall(tx, callId, true);
      if (!call) throw notFound('Call');
      assertMayActOn(call, actor);
      if (call.status === 'ringing') throw conflict('STATE_CHANGED', 'Answer the call before you override its triage');
      const current = await currentTriage(tx, callId);
      if (!current) throw conflict('STATE_CHANGED', 'The call has no triage to override; triage it first');
      if (current.category === req.category) {
        throw validationFailed([
          { field: 'category', message: `is already ${req.category}; an override must change the category` },
        ]);
      }
      const override = {
        from: current.category,
        to: req.category,
        reason: req.reason,
        by: actor.username,
        at: tx.now.toISOString(),
      };
      const row = await replaceCurrentTriage(tx, {
        callId,
        input: current.input,
        suggestedCategory: current.suggested_category,
        result: {
          category: req.category,
          cssrsRisk: current.cssrs_risk,
          respondWithinMinutes: this.config.responseTimes[req.category],
          // Least restrictive response: moving to C–G drops police, moving to A/B may add them, by the same rule.
          notify: partnersToNotify(current.input, req.category),
          reasons: current.reasons,
          rulesVersion: current.rules_version,
        },
        assessedAt: current.assessed_at,
        assessedBy: current.assessed_by,
        override,
      });
      return this.finishTriage(tx, callId, call, row, {
        step: 'triage.overridden',
        details: { triageId: row.id, from: override.from, to: override.to, reason: override.reason },
      });
    });
  }

  /** After a new current triage of the call: audited, carried to the call's incident (if any), announced. */
  private async finishTriage(
    tx: Tx,
    callId: string,
    call: CallRow,
    row: TriageRow,
    // One name for both the audit action and the timeline entry (the vocabulary gives them the same names).
    what: { step: 'triage.assessed' | 'triage.overridden'; details: Record<string, unknown> },
  ): Promise<TriageRecord> {
    await tx.audit({
      action: what.step,
      entityType: 'call',
      entityId: callId,
      subjectId: call.client_id,
      details: what.details,
    });
    if (call.incident_id) await applyTriageToIncident(tx, call.incident_id, row, this.config.responseTimes, what.step);
    // The call row as locked at the start (triage changes only the triage table), with its new current category.
    emitCallUpdatedFrom(tx, call, row.category);
    return toTriageRecord(row);
  }

  /** Every assessment of the call, oldest first (audited: it holds the answers about a person's risk). */
  history(actor: Actor, callId: string): Promise<TriageRecord[]> {
    return this.uow.read(actor, async (tx) => {
      const call = await loadCall(tx, callId);
      if (!call) throw notFound('Call');
      await tx.audit({
        action: 'triage.history-read',
        entityType: 'call',
        entityId: callId,
        subjectId: call.client_id,
      });
      return (await triageHistory(tx, callId)).map(toTriageRecord);
    });
  }
}
