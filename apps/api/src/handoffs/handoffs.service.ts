import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TIMER, type AgencyKind, type HandoffDeclineRequest, type HandoffStatus, type HandoffView } from '#contracts';
import { isTerminal } from '#dispatch';
import type { Actor } from '../common/actor.js';
import { conflict, DomainError, forbidden, notFound } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { loadIncidentRow } from '../incidents/incidents.repository.js';
import { TimerRunner } from '../timers/timer-runner.js';
import { claimBedRequest } from './bed-requests.repository.js';
import { handoffViewFor, readerOf } from './handoff-views.js';
import { agencyKind } from '../agencies/agencies.repository.js';
import {
  answerHandoff,
  cancelHandoff,
  confirmHandoffContact,
  listHandoffSources,
  loadHandoff,
  loadHandoffSource,
  recordHandoffChange,
  requestHandoff,
  withdrawOtherHandoffs,
  type HandoffRow,
} from './handoffs.repository.js';
import { raiseUnansweredAlert } from './unanswered.js';
import { assertFieldMayRead, fieldTeam } from '../need-to-know/field-view.js';

const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/** Which partner answer moves a handoff from which status. */
const RESPONSES = {
  accept: { from: 'requested', to: 'accepted' },
  decline: { from: 'requested', to: 'declined' },
  complete: { from: 'accepted', to: 'completed' },
} as const satisfies Record<string, { from: HandoffStatus; to: HandoffStatus }>;
export type HandoffAnswer = keyof typeof RESPONSES;

/** Police and fire hand the person back only after they have met the team (contract: contact-confirmed). */
const NEEDS_CONTACT: ReadonlySet<AgencyKind> = new Set(['police', 'fire']);

/** Handoffs to partners: request, the partner's answers, contact confirmation, cancellation and the reader's views. */
@Injectable()
export class HandoffsService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timers.register(TIMER.handoffUnanswered, (tx, timer) =>
      raiseUnansweredAlert(tx, timer.ref_id!, this.config.handoffAnswerMinutes),
    );
  }

  /**
   * Agencies see only their own handoffs; a team's phone only those of incidents its team is or was dispatched to
   * (need-to-know/field-view.ts); other staff all. Newest and unanswered first, each in its reader's view.
   */
  list(actor: Actor, filter: { incidentId?: string; status?: HandoffStatus }): Promise<HandoffView[]> {
    return this.uow.read(actor, async (tx) => {
      const own = actor.role === 'agency' ? (actor.agencyId ?? NO_AGENCY) : null;
      const rows = await listHandoffSources(tx, {
        agencyId: own,
        incidentId: filter.incidentId ?? null,
        status: filter.status ?? null,
        fieldTeamId: fieldTeam(actor),
      });
      // A partner reading where a person is counts as access to their record (PIPA access log).
      if (rows.length > 0) {
        await tx.audit({
          action: 'handoff.listed',
          entityType: 'handoff',
          details: { ids: rows.map((r) => r.id), incidentIds: [...new Set(rows.map((r) => r.incident_id))] },
        });
      }
      return rows.map((r) => handoffViewFor(readerOf(actor, r.kind), r));
    });
  }

  /** GET /handoffs/:id: the agency it is addressed to, or staff; an audited read of the person's record. */
  get(actor: Actor, id: string): Promise<HandoffView> {
    return this.uow.read(actor, async (tx) => {
      const source = await loadHandoffSource(tx, id);
      if (!source) throw notFound('Handoff');
      if (actor.role === 'agency' && actor.agencyId !== source.agency_id)
        throw forbidden('Only the agency the handoff is addressed to may read it');
      await assertFieldMayRead(tx, actor, source.incident_id);
      const reader = readerOf(actor, source.kind);
      await tx.audit({
        action: 'handoff.read',
        entityType: 'handoff',
        entityId: id,
        subjectId: source.client_id,
        details: { incidentId: source.incident_id, view: reader },
      });
      return handoffViewFor(reader, source);
    });
  }

  request(
    actor: Actor,
    incidentId: string,
    req: { agencyId: string; kind: AgencyKind; reason: string },
  ): Promise<HandoffView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      // A responder may hand over only the person their own team is with.
      if (actor.role === 'responder' && incident.team_id !== actor.teamId)
        throw forbidden('Only the team on this incident may request its handoff');
      if (isTerminal(incident.status))
        throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}`);
      const kind = await agencyKind(tx, req.agencyId);
      if (!kind)
        throw new DomainError('VALIDATION_FAILED', 'agencyId: no such agency', [
          { field: 'agencyId', message: 'no such agency' },
        ]);
      if (kind !== req.kind)
        throw new DomainError('VALIDATION_FAILED', `kind: the agency is a ${kind}`, [
          { field: 'kind', message: `the agency is a ${kind}` },
        ]);
      const row = await requestHandoff(tx, incident, { ...req, answerMinutes: this.config.handoffAnswerMinutes });
      if (!row) throw conflict('DUPLICATE', 'An open handoff to this agency exists for this incident');
      return this.view(tx, actor, row.id);
    });
  }

  /**
   * A partner agency answers: accept, decline (with a reason code) or complete (the person is in its care).
   * Accepting one handoff of a bed request claims the request first (a conditional update on its row, so of
   * several hospitals accepting at once exactly one wins) and withdraws the other hospitals' open handoffs.
   */
  respond(
    actor: Actor,
    handoffId: string,
    answer: HandoffAnswer,
    decline?: HandoffDeclineRequest,
  ): Promise<HandoffView> {
    const { from, to } = RESPONSES[answer];
    return this.uow.run(actor, async (tx) => {
      const current = await this.ownHandoff(tx, actor, handoffId);
      if (
        answer === 'complete' &&
        NEEDS_CONTACT.has(current.kind) &&
        current.status === 'accepted' &&
        !current.contact_confirmed_at
      ) {
        throw conflict('STATE_CHANGED', 'Confirm contact with the team before completing a police or fire handoff');
      }
      if (
        answer === 'accept' &&
        current.bed_request_id &&
        !(await claimBedRequest(tx, current.bed_request_id, handoffId))
      ) {
        throw conflict('STATE_CHANGED', 'Another hospital accepted this bed request first');
      }
      const row = await answerHandoff(tx, handoffId, from, to, decline);
      if (!row) throw conflict('STATE_CHANGED', `Handoff is ${current.status}, not ${from}`);
      const incident = (await loadIncidentRow(tx, row.incident_id))!;
      await recordHandoffChange(tx, row, incident.team_id, {
        audit: `handoff.${row.status}`,
        details: { reasonCode: row.reason_code, bedRequestId: row.bed_request_id },
      });
      if (answer === 'accept' && row.bed_request_id) {
        for (const other of await withdrawOtherHandoffs(tx, row.bed_request_id, row.id)) {
          await recordHandoffChange(tx, other, incident.team_id, {
            audit: 'handoff.withdrawn',
            details: { bedRequestId: row.bed_request_id, acceptedHandoffId: row.id },
          });
        }
      }
      return this.view(tx, actor, row.id);
    });
  }

  /** POST /handoffs/:id/contact-confirmed: the agency of it or the team on the incident; once is enough. */
  confirmContact(actor: Actor, handoffId: string): Promise<HandoffView> {
    return this.uow.run(actor, async (tx) => {
      const current = await loadHandoff(tx, handoffId);
      if (!current) throw notFound('Handoff');
      const incident = (await loadIncidentRow(tx, current.incident_id))!;
      const isAgency = actor.role === 'agency' && actor.agencyId === current.agency_id;
      const isTeam = actor.role === 'responder' && !!actor.teamId && incident.team_id === actor.teamId;
      if (!isAgency && !isTeam)
        throw forbidden('Only the agency of the handoff or the team on the incident may confirm contact');
      if (current.contact_confirmed_at) return this.view(tx, actor, current.id);
      const row = await confirmHandoffContact(tx, handoffId);
      if (!row)
        throw conflict('STATE_CHANGED', `Handoff is ${current.status}; contact is confirmed on an accepted handoff`);
      await recordHandoffChange(tx, row, incident.team_id, {
        audit: 'handoff.contact-confirmed',
        timeline: 'handoff.contact-confirmed',
      });
      return this.view(tx, actor, row.id);
    });
  }

  /** POST /handoffs/:id/cancel: a coordinator takes back a request (or an accepted handoff) with a reason. */
  cancel(actor: Actor, handoffId: string, reason: string): Promise<HandoffView> {
    return this.uow.run(actor, async (tx) => {
      const current = await loadHandoff(tx, handoffId);
      if (!current) throw notFound('Handoff');
      const row = await cancelHandoff(tx, handoffId, reason);
      if (!row)
        throw conflict(
          'STATE_CHANGED',
          `Handoff is ${current.status}; only a requested or accepted handoff can be cancelled`,
        );
      const incident = (await loadIncidentRow(tx, row.incident_id))!;
      await recordHandoffChange(tx, row, incident.team_id, { audit: 'handoff.cancelled', details: { reason } });
      return this.view(tx, actor, row.id);
    });
  }

  private async ownHandoff(tx: Tx, actor: Actor, id: string): Promise<HandoffRow> {
    const current = await loadHandoff(tx, id);
    if (!current) throw notFound('Handoff');
    if (actor.role !== 'agency' || actor.agencyId !== current.agency_id)
      throw forbidden('Only the agency the handoff is addressed to may answer it');
    return current;
  }

  private async view(tx: Tx, actor: Actor, id: string): Promise<HandoffView> {
    const source = (await loadHandoffSource(tx, id))!;
    return handoffViewFor(readerOf(actor, source.kind), source);
  }
}
