import { Inject, Injectable } from '@nestjs/common';
import type { AgencyView, BedRequestRequest, BedRequestView, BedsView, HospitalSuggestion } from '#contracts';
import { isTerminal } from '#dispatch';
import { rankHospitals } from '#geo';
import type { Actor } from '../common/actor.js';
import { conflict, DomainError, forbidden, notFound } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { appendTimeline, loadIncidentRow, type IncidentRow } from '../incidents/incidents.repository.js';
import { loadAgencies, loadAgency, loadHospitals, toAgencyView, updateBeds } from '../agencies/agencies.repository.js';
import { insertBedRequest } from './bed-requests.repository.js';
import { requestHandoff } from './handoffs.repository.js';

/**
 * Finding a bed: suggestions ranked by free beds and distance, one request to up to 10 hospitals at once (the
 * first to accept wins, see HandoffsService.respond), and the hospitals' own bed board.
 */
@Injectable()
export class BedRequestsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /incidents/:id/hospital-suggestions */
  suggestions(actor: Actor, incidentId: string): Promise<HospitalSuggestion[]> {
    return this.uow.run(actor, async (tx) => {
      const incident = await this.incidentFor(tx, actor, incidentId, false);
      const hospitals = await loadHospitals(tx);
      return rankHospitals(
        { lat: incident.lat, lng: incident.lng },
        hospitals.map((h) => ({
          agencyId: h.id,
          name: h.name,
          location: { lat: h.lat, lng: h.lng },
          bedsAvailable: h.beds_available,
          accepting: h.accepting,
          bedsUpdatedAt: h.beds_updated_at?.toISOString() ?? null,
        })),
      );
    });
  }

  /** POST /incidents/:id/bed-requests: one handoff per hospital, all in one transaction (all or none). */
  create(actor: Actor, incidentId: string, req: BedRequestRequest): Promise<BedRequestView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await this.incidentFor(tx, actor, incidentId, true);
      if (isTerminal(incident.status))
        throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}`);
      const agencies = new Map((await loadAgencies(tx, req.agencyIds)).map((a) => [a.id, a]));
      req.agencyIds.forEach((id, i) => {
        const agency = agencies.get(id);
        if (!agency)
          throw new DomainError('VALIDATION_FAILED', `agencyIds[${i}]: no such agency`, [
            { field: `agencyIds[${i}]`, message: 'no such agency' },
          ]);
        if (agency.kind !== 'hospital') {
          throw new DomainError('VALIDATION_FAILED', `agencyIds[${i}]: the agency is a ${agency.kind}`, [
            { field: `agencyIds[${i}]`, message: `the agency is a ${agency.kind}, not a hospital` },
          ]);
        }
      });
      const request = await insertBedRequest(tx, incident.id, req.reason);
      const handoffs: BedRequestView['handoffs'] = [];
      for (const agencyId of req.agencyIds) {
        const row = await requestHandoff(tx, incident, {
          agencyId,
          kind: 'hospital',
          reason: req.reason,
          bedRequestId: request.id,
          answerMinutes: this.config.handoffAnswerMinutes,
        });
        if (!row)
          throw conflict('DUPLICATE', `An open handoff to ${agencies.get(agencyId)!.name} exists for this incident`);
        handoffs.push({ id: row.id, agencyId, status: row.status });
      }
      await appendTimeline(tx, incident.id, 'bed-request.created', {
        bedRequestId: request.id,
        agencyIds: req.agencyIds,
      });
      await tx.audit({
        action: 'bed-request.created',
        entityType: 'bed_request',
        entityId: request.id,
        details: { incidentId: incident.id, agencyIds: req.agencyIds },
      });
      return {
        id: request.id,
        incidentId: incident.id,
        reason: request.reason,
        requestedAt: request.requested_at.toISOString(),
        acceptedHandoffId: null,
        acceptedAt: null,
        handoffs,
      };
    });
  }

  /** GET /agencies/:id: an agency user reads its own agency (the portal's bed board); staff read any. */
  agency(actor: Actor, agencyId: string): Promise<AgencyView> {
    if (actor.role === 'agency' && actor.agencyId !== agencyId) throw forbidden('An agency reads only its own record');
    return this.uow.run(actor, async (tx) => {
      const row = await loadAgency(tx, agencyId);
      if (!row) throw notFound('Agency');
      return toAgencyView(row);
    });
  }

  /** POST /agencies/:id/beds: free psychiatric emergency beds and whether the hospital accepts; everyone on shift sees it. */
  reportBeds(actor: Actor, agencyId: string, available: number, accepting: boolean): Promise<BedsView> {
    if (actor.role === 'agency' && actor.agencyId !== agencyId) throw forbidden('An agency reports only its own beds');
    return this.uow.run(actor, async (tx) => {
      const beds = await updateBeds(tx, agencyId, available, accepting);
      if (!beds) throw notFound('Hospital');
      await tx.audit({
        action: 'hospital.beds-updated',
        entityType: 'agency',
        entityId: agencyId,
        details: { bedsAvailable: available, accepting },
      });
      tx.emit('hospital.updated', beds);
      return beds;
    });
  }

  /** The incident, for the control room or the responder team on it. */
  private async incidentFor(tx: Tx, actor: Actor, incidentId: string, forUpdate: boolean): Promise<IncidentRow> {
    const incident = await loadIncidentRow(tx, incidentId, forUpdate);
    if (!incident) throw notFound('Incident');
    if (actor.role === 'responder' && incident.team_id !== actor.teamId)
      throw forbidden('Only the team on this incident may look for its bed');
    return incident;
  }
}
