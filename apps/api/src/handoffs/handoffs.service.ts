import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyKind, HandoffDeclineReason, HandoffStatus, HandoffView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, DomainError, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { audience } from '../realtime/audience.js';
import { appendTimeline, loadIncidentRow } from '../incidents/incidents.repository.js';
import { fieldTeam } from '../need-to-know/field-view.js';
import { teamMayReadSql } from '../need-to-know/field-scope.repository.js';
import { HANDOFF_SELECT, requestHandoff, toHandoffEvent, toHandoffView, type HandoffRow, type HandoffWithIncident } from './handoffs.repository.js';

const TERMINAL_INCIDENT = new Set(['closed', 'cancelled']);

/** Which partner answer moves a handoff from which status. */
const RESPONSES: Record<'accept' | 'decline' | 'complete', { from: HandoffStatus; to: HandoffStatus }> = {
  accept: { from: 'requested', to: 'accepted' },
  decline: { from: 'requested', to: 'declined' },
  complete: { from: 'accepted', to: 'completed' },
};

@Injectable()
export class HandoffsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Agencies see only their own handoffs; a team's phone only those of incidents its team is or was dispatched to
   * (need-to-know/field-view.ts); other staff see all, optionally by incident or status.
   */
  async list(actor: Actor, filter: { incidentId?: string; status?: HandoffStatus }): Promise<HandoffView[]> {
    const own = actor.role === 'agency' ? (actor.agencyId ?? '00000000-0000-0000-0000-000000000000') : null;
    const rows = (await this.ds.query(
      `${HANDOFF_SELECT}
       WHERE ($1::uuid IS NULL OR h.agency_id = $1) AND ($2::uuid IS NULL OR h.incident_id = $2) AND ($3::text IS NULL OR h.status = $3)
         AND ($4::uuid IS NULL OR ${teamMayReadSql('h.incident_id', '$4::uuid')})
       ORDER BY h.requested_at DESC LIMIT 500`,
      [own, filter.incidentId ?? null, filter.status ?? null, fieldTeam(actor)],
    )) as HandoffWithIncident[];
    // A partner reading where a person is counts as access to their record (PIPA access log).
    if (rows.length > 0) {
      await this.uow.run(actor, (tx) =>
        tx.audit({ action: 'handoff.list', entityType: 'handoff', details: { ids: rows.map((r) => r.id), incidentIds: [...new Set(rows.map((r) => r.incident_id))] } }),
      );
    }
    return rows.map(toHandoffView);
  }

  request(actor: Actor, incidentId: string, req: { agencyId: string; kind: AgencyKind; reason: string }): Promise<HandoffView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      // A responder may hand over only the person their own team is with.
      if (actor.role === 'responder' && incident.team_id !== actor.teamId) throw forbidden('Only the team on this incident may request its handoff');
      if (TERMINAL_INCIDENT.has(incident.status)) throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}`);
      const agency = await tx.one<{ kind: AgencyKind }>(`SELECT kind FROM agency WHERE id = $1`, [req.agencyId]);
      if (!agency) throw new DomainError('VALIDATION_FAILED', 'agencyId: no such agency', [{ field: 'agencyId', message: 'no such agency' }]);
      if (agency.kind !== req.kind) {
        throw new DomainError('VALIDATION_FAILED', `kind: the agency is a ${agency.kind}`, [{ field: 'kind', message: `the agency is a ${agency.kind}` }]);
      }
      const row = await requestHandoff(tx, incident, req);
      if (!row) throw conflict('DUPLICATE', 'An open handoff to this agency exists for this incident');
      return this.view(tx, row.id);
    });
  }

  /** A partner agency answers: accept, decline (with a reason code) or complete (the person is in its care). */
  respond(actor: Actor, handoffId: string, answer: keyof typeof RESPONSES, reasonCode?: HandoffDeclineReason): Promise<HandoffView> {
    const { from, to } = RESPONSES[answer];
    return this.uow.run(actor, async (tx) => {
      const current = await tx.one<HandoffRow>(`SELECT * FROM handoff WHERE id = $1`, [handoffId]);
      if (!current) throw notFound('Handoff');
      if (actor.role !== 'agency' || actor.agencyId !== current.agency_id) throw forbidden('Only the agency the handoff is addressed to may answer it');
      const stamp = answer === 'complete' ? 'completed_at' : 'responded_at';
      // Conditional on the expected status: two answers racing leave exactly one.
      const [row] = await tx.query<HandoffRow>(
        `UPDATE handoff SET status = $2, ${stamp} = $3, reason_code = coalesce($4, reason_code),
           responded_by = CASE WHEN $5 THEN $6::uuid ELSE responded_by END
         WHERE id = $1 AND status = $7 RETURNING *`,
        [handoffId, to, tx.now.toISOString(), reasonCode ?? null, answer !== 'complete', actor.userId, from],
      );
      if (!row) throw conflict('STATE_CHANGED', `Handoff is ${current.status}, not ${from}`);
      const incident = (await loadIncidentRow(tx, row.incident_id))!;
      await appendTimeline(tx, row.incident_id, `handoff.${to}`, { handoffId: row.id, agencyId: row.agency_id, kind: row.kind, reasonCode: row.reason_code });
      await tx.audit({ action: `handoff.${answer}`, entityType: 'handoff', entityId: row.id, details: { reasonCode: row.reason_code } });
      tx.emit('handoff.updated', toHandoffEvent(row), audience.agency(row.agency_id, incident.team_id));
      return this.view(tx, row.id);
    });
  }

  /** A hospital reports its free psychiatric emergency beds; everyone on shift sees it on the map. */
  reportBeds(actor: Actor, agencyId: string, bedsAvailable: number): Promise<{ agencyId: string; bedsAvailable: number; updatedAt: string }> {
    if (actor.role === 'agency' && actor.agencyId !== agencyId) throw forbidden('An agency reports only its own beds');
    return this.uow.run(actor, async (tx) => {
      const [row] = await tx.query<{ beds_updated_at: Date }>(
        `UPDATE agency SET beds_available = $2, beds_updated_at = $3 WHERE id = $1 AND kind = 'hospital' RETURNING beds_updated_at`,
        [agencyId, bedsAvailable, tx.now.toISOString()],
      );
      if (!row) throw notFound('Hospital');
      const data = { agencyId, bedsAvailable, updatedAt: row.beds_updated_at.toISOString() };
      await tx.audit({ action: 'hospital.beds', entityType: 'agency', entityId: agencyId, details: { bedsAvailable } });
      tx.emit('hospital.updated', data, [...audience.allStaff(), `agency:${agencyId}`]);
      return data;
    });
  }

  private async view(tx: Tx, id: string): Promise<HandoffView> {
    return toHandoffView((await tx.one<HandoffWithIncident>(`${HANDOFF_SELECT} WHERE h.id = $1`, [id]))!);
  }
}
