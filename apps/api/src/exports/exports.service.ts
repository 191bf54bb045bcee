import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor.js';
import { forbidden, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { loadIncidentRow } from '../incidents/incidents.repository.js';
import { assertFieldMayRead } from '../need-to-know/field-view.js';
import { buildEido, type Eido } from './eido.js';
import { buildHandoffBundle, type FhirBundle } from './fhir-bundle.js';
import {
  loadEmergencyHandoffs,
  loadExportCalls,
  loadExportClient,
  loadExportHandoff,
  loadExportTeams,
  loadExportTriage,
  toExportIncident,
} from './exports.repository.js';

export const CENTRE = { name: 'Mental Health Crisis Response Centre' };

/** Partner exports: a FHIR R4 bundle of a handoff for its agency, NENA EIDO of an incident for police and fire. */
@Injectable()
export class ExportsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The agency the handoff is addressed to, or staff. The bundle is shaped for that agency, whoever reads it. */
  handoffFhir(actor: Actor, handoffId: string): Promise<FhirBundle> {
    return this.uow.read(actor, async (tx) => {
      const handoff = await loadExportHandoff(tx, handoffId);
      if (!handoff) throw notFound('Handoff');
      if (actor.role === 'agency' && actor.agencyId !== handoff.agency.id)
        throw forbidden('Only the agency the handoff is addressed to may read it');
      await assertFieldMayRead(tx, actor, handoff.incidentId);
      const row = (await loadIncidentRow(tx, handoff.incidentId))!;
      const incident = toExportIncident(row);
      const triage = await loadExportTriage(tx, row.triage_id);
      const client = await loadExportClient(tx, row.client_id);
      const bundle = buildHandoffBundle({ handoff, incident, triage, client, centre: CENTRE, generatedAt: tx.now });
      await tx.audit({
        action: 'handoff.fhir-exported',
        entityType: 'handoff',
        entityId: handoff.id,
        subjectId: row.client_id,
        details: {
          incidentId: row.id,
          agencyId: handoff.agency.id,
          resources: bundle.entry.map((e) => e.resource.resourceType),
        },
      });
      return bundle;
    });
  }

  /** A police or fire agency with a handoff on the incident (only its own handoffs shown), or staff. */
  incidentEido(actor: Actor, incidentId: string): Promise<Eido> {
    return this.uow.read(actor, async (tx) => {
      const row = await loadIncidentRow(tx, incidentId);
      if (!row) throw notFound('Incident');
      await assertFieldMayRead(tx, actor, row.id);
      const viewerAgency = actor.role === 'agency' ? (actor.agencyId ?? '00000000-0000-0000-0000-000000000000') : null;
      const handoffs = await loadEmergencyHandoffs(tx, row.id, viewerAgency);
      // A partner that declined (or whose request was withdrawn) no longer needs to know where the person is.
      if (
        viewerAgency &&
        !handoffs.some((h) => h.status !== 'declined' && h.status !== 'cancelled' && h.status !== 'withdrawn')
      ) {
        throw forbidden('Only a police or fire agency with a live or completed handoff on this incident may read it');
      }
      const [triage, client, calls, teams] = [
        await loadExportTriage(tx, row.triage_id),
        await loadExportClient(tx, row.client_id),
        await loadExportCalls(tx, row.id),
        await loadExportTeams(tx, row),
      ];
      const eido = buildEido({
        incident: toExportIncident(row),
        triage,
        client,
        calls,
        teams,
        handoffs,
        centre: CENTRE,
      });
      await tx.audit({
        action: 'incident.eido-exported',
        entityType: 'incident',
        entityId: row.id,
        subjectId: row.client_id,
        details: { agencyId: viewerAgency, handoffIds: handoffs.map((h) => h.id) },
      });
      return eido;
    });
  }
}
