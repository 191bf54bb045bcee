import { Injectable } from '@nestjs/common';
import {
  TIMER,
  type FollowUpAttemptRequest,
  type FollowUpCompleteRequest,
  type FollowUpView,
  type HandBackRequest,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, forbidden, notFound, validationFailed } from '../common/errors.js';
import { type Tx, UnitOfWork } from '../database/tx.js';
import { appendTimeline, loadIncidentRow } from '../incidents/incidents.repository.js';
import { recordOutcome, type OutcomeNames } from '../incidents/recorded-outcome.js';
import { agencyKind } from '../agencies/agencies.repository.js';
import { cancelTimer, scheduleTimer } from '../timers/timer-runner.js';
import { followUpDueAt } from './follow-up-rules.js';
import { create } from './follow-up-tasks.js';
import {
  completeFollowUp,
  emitFollowUp,
  followUpPlace,
  insertAttempt,
  listFollowUps,
  loadFollowUpView,
  lockFollowUp,
  openFollowUpOfIncident,
  recordHandBack,
  type FollowUpRow,
} from './followups.repository.js';

export interface FollowUpListQuery {
  status: 'open' | 'done' | 'all';
  agencyId?: string;
  incidentId?: string;
}

/** A call-back attempt and a completed task go under these names on the audit log and the timeline. */
const ATTEMPTED: OutcomeNames = {
  action: 'follow-up.attempted',
  entityType: 'follow_up',
  timeline: 'follow-up.attempted',
  idKey: 'followUpId',
};
const COMPLETED: OutcomeNames = { ...ATTEMPTED, action: 'follow-up.completed', timeline: 'follow-up.done' };

@Injectable()
export class FollowUpsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The hotline and the control room see every task (or one centre's); a community centre only its own. Items name
   * the person to call back, so the list is an audited read of each person shown.
   */
  list(actor: Actor, q: FollowUpListQuery): Promise<FollowUpView[]> {
    return this.uow.read(actor, async (tx) => {
      const own = await this.ownCentre(tx);
      const items = await listFollowUps(tx, {
        agencyId: own ?? q.agencyId ?? null,
        incidentId: q.incidentId ?? null,
        status: q.status,
      });
      for (const f of items) {
        if (f.clientId)
          await tx.audit({ action: 'follow-up.read', entityType: 'follow_up', entityId: f.id, subjectId: f.clientId });
      }
      return items;
    });
  }

  /** POST /follow-ups/:id/attempts: a call-back attempt and how it went; the task stays open. */
  attempt(actor: Actor, id: string, req: FollowUpAttemptRequest): Promise<FollowUpView> {
    if (Date.parse(req.at) > Date.now() + 5 * 60_000)
      throw validationFailed([{ field: 'at', message: 'is in the future' }]);
    return this.uow.run(actor, async (tx) => {
      const row = await this.lockOwn(tx, id);
      if (row.done_at) throw conflict('STATE_CHANGED', 'The follow-up is already completed');
      await insertAttempt(tx, id, { at: req.at, outcome: req.outcome, note: req.note ?? null });
      await recordOutcome(tx, row, ATTEMPTED, req.outcome);
      await emitFollowUp(tx, 'follow-up.updated', row);
      return (await loadFollowUpView(tx, id))!;
    });
  }

  /** POST /follow-ups/:id/complete: done once, with its outcome; the overdue timer is cancelled with it. */
  complete(actor: Actor, id: string, req: FollowUpCompleteRequest): Promise<FollowUpView> {
    return this.uow.run(actor, async (tx) => {
      await this.lockOwn(tx, id);
      const row = await completeFollowUp(tx, id, req.outcome, req.notes ?? null);
      if (!row) throw conflict('STATE_CHANGED', 'The follow-up is already completed');
      await cancelTimer(tx, TIMER.followUpOverdue, id);
      await recordOutcome(tx, row, COMPLETED, req.outcome);
      await emitFollowUp(tx, 'follow-up.updated', row);
      return (await loadFollowUpView(tx, id))!;
    });
  }

  /**
   * The warm hand-back: a closed incident's person goes to their community centre with the coordinator's note. An
   * open follow-up of the incident is handed back (so the centre has one task, not two); otherwise one is created.
   */
  handBack(actor: Actor, incidentId: string, req: HandBackRequest): Promise<FollowUpView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      if (incident.status !== 'closed')
        throw conflict(
          'STATE_CHANGED',
          `Incident ${incident.number} is ${incident.status}; hand it back once it is closed`,
        );
      if (req.agencyId && (await agencyKind(tx, req.agencyId)) !== 'community') {
        throw validationFailed([{ field: 'agencyId', message: 'no such community mental health centre' }]);
      }
      const place = await followUpPlace(tx, incident.client_id, incident.id);
      const agencyId = req.agencyId ?? place.agencyId;
      if (!agencyId)
        throw validationFailed([
          { field: 'agencyId', message: 'no community centre is known for this person: choose one' },
        ]);
      const dueAt = followUpDueAt(tx.now);
      const open = await openFollowUpOfIncident(tx, incident.id);
      let row: FollowUpRow;
      if (open) {
        row = await recordHandBack(tx, open.id, { agencyId, note: req.note, dueAt });
        // The due time may have moved earlier: the overdue timer follows it.
        await scheduleTimer(tx, TIMER.followUpOverdue, row.id, row.due_at);
        await emitFollowUp(tx, 'follow-up.updated', row, open.agency_id);
      } else {
        const created = await create(tx, {
          callId: null,
          incidentId: incident.id,
          clientId: incident.client_id,
          regionId: place.regionId,
          agencyId,
          category: incident.category,
          source: 'hand-back',
          dueAt,
          handBackNote: req.note,
        });
        if (!created) throw conflict('STATE_CHANGED', 'This incident has already been followed up');
        row = created;
      }
      await tx.audit({
        action: 'follow-up.handed-back',
        entityType: 'follow_up',
        entityId: row.id,
        subjectId: row.client_id,
        details: { incidentId, agencyId },
      });
      await appendTimeline(tx, incident.id, 'follow-up.handed-back', { followUpId: row.id, agencyId });
      return (await loadFollowUpView(tx, row.id))!;
    });
  }

  /** A community centre's agency id; null for staff. Other partners have no follow-ups. */
  private async ownCentre(tx: Tx): Promise<string | null> {
    const { actor } = tx;
    if (actor.role !== 'agency') return null;
    if (!actor.agencyId || (await agencyKind(tx, actor.agencyId)) !== 'community')
      throw forbidden('Only community mental health centres work follow-ups');
    return actor.agencyId;
  }

  private async lockOwn(tx: Tx, id: string): Promise<FollowUpRow> {
    const own = await this.ownCentre(tx);
    const row = await lockFollowUp(tx, id);
    if (!row) throw notFound('Follow-up');
    if (own && row.agency_id !== own) throw forbidden('This follow-up belongs to another centre');
    return row;
  }
}
