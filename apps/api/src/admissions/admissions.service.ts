import { Inject, Injectable } from '@nestjs/common';
import { admissionEndsAt, admissionWarningAt, guardianNoticeDueAt } from '#admission';
import { TIMER } from '#contracts';
import type {
  AdministrativeAdmissionRequest,
  AdministrativeAdmissionView,
  EmergencyAdmissionRequest,
  EmergencyAdmissionView,
  EndAdmissionRequest,
  GuardianNoticeRequest,
} from '#contracts';
import { agencyKind } from '../agencies/agencies.repository.js';
import type { Actor } from '../common/actor.js';
import { conflict, DomainError, forbidden, notFound } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { appendTimeline, loadIncidentRow } from '../incidents/incidents.repository.js';
import { cancelTimer, scheduleTimer } from '../timers/timer-runner.js';
import {
  admissionView,
  lockActiveAdmissions,
  setEndsAt,
  endAdmission,
  findAdmission,
  insertAdministrativeRequest,
  insertAdmission,
  listAdmissions,
  recordGuardianNotice,
  type AdmissionRow,
} from './admissions.repository.js';
import { emitAdmission } from './admission-events.js';
import { holidayDays } from './holidays.repository.js';

const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class AdmissionsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the Art. 50 clock: both consents recorded, `endsAt` from the holiday calendar, its alert and task timers. */
  createEmergency(actor: Actor, incidentId: string, req: EmergencyAdmissionRequest): Promise<EmergencyAdmissionView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      if (actor.role === 'responder' && incident.team_id !== actor.teamId)
        throw forbidden('Only the team on this incident may record its admission');
      if (incident.status === 'cancelled') throw conflict('STATE_CHANGED', `Incident ${incident.number} is cancelled`);
      if ((await agencyKind(tx, req.hospitalAgencyId)) !== 'hospital')
        throw invalid('hospitalAgencyId', 'no such hospital');
      const admittedAt = new Date(req.admittedAt);
      if (admittedAt.getTime() > tx.now.getTime() + 5 * 60_000) throw invalid('admittedAt', 'is in the future');
      const endsAt = admissionEndsAt(admittedAt, new Set(await holidayDays(tx)), this.config.centreTimezone);
      const row = await insertAdmission(tx, incidentId, req, endsAt, guardianNoticeDueAt(admittedAt));
      if (!row) throw conflict('DUPLICATE', `Incident ${incident.number} already has a running emergency admission`);
      await this.scheduleClock(tx, row);
      await scheduleTimer(tx, TIMER.admissionGuardianOverdue, row.id, row.guardian_due_at);
      await appendTimeline(tx, incidentId, 'admission.created', {
        admissionId: row.id,
        hospitalAgencyId: row.hospital_agency_id,
        endsAt: endsAt.toISOString(),
      });
      await tx.audit({
        action: 'admission.created',
        entityType: 'emergency_admission',
        entityId: row.id,
        details: { incidentId, escort: req.escort },
      });
      emitAdmission(tx, 'admission.created', row, incident.team_id);
      return admissionView(tx, row.id);
    });
  }

  /** Staff see every admission; a hospital sees only its own; other partners none. */
  list(actor: Actor, filter: { active?: 'true' | 'false'; incidentId?: string }): Promise<EmergencyAdmissionView[]> {
    return this.uow.read(actor, async (tx) => {
      const hospitalId = actor.role === 'agency' ? (actor.agencyId ?? '00000000-0000-0000-0000-000000000000') : null;
      const views = await listAdmissions(tx, {
        active: filter.active === undefined ? null : filter.active === 'true',
        hospitalId,
        incidentId: filter.incidentId ?? null,
      });
      if (views.length > 0)
        await tx.audit({
          action: 'admission.listed',
          entityType: 'emergency_admission',
          details: { ids: views.map((v) => v.id) },
        });
      return views;
    });
  }

  recordGuardianNotice(actor: Actor, id: string, notice: GuardianNoticeRequest): Promise<EmergencyAdmissionView> {
    return this.uow.run(actor, async (tx) => {
      await this.loadForHospitalOrCoordinator(tx, actor, id);
      const row = await recordGuardianNotice(tx, id, notice);
      if (!row) throw conflict('STATE_CHANGED', 'The guardian notice is already recorded');
      await cancelTimer(tx, TIMER.admissionGuardianOverdue, id);
      return this.recordStep(tx, row, 'admission.guardian-notified', { method: notice.method });
    });
  }

  end(actor: Actor, id: string, req: EndAdmissionRequest): Promise<EmergencyAdmissionView> {
    return this.uow.run(actor, async (tx) => {
      const current = await this.loadForHospitalOrCoordinator(tx, actor, id);
      if (new Date(req.at).getTime() < current.admitted_at.getTime()) throw invalid('at', 'is before the admission');
      const row = await endAdmission(tx, id, req.outcome, req.at);
      if (!row) throw conflict('STATE_CHANGED', 'The admission has already ended');
      await cancelTimer(tx, TIMER.admissionExpiring, id);
      await cancelTimer(tx, TIMER.admissionGuardianOverdue, id);
      return this.recordStep(tx, row, 'admission.ended', { outcome: req.outcome });
    });
  }

  /** Records an Art. 44 request to the district head on the incident; the admission itself is the district's act. */
  recordAdministrative(
    actor: Actor,
    incidentId: string,
    req: AdministrativeAdmissionRequest,
  ): Promise<AdministrativeAdmissionView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      const view = await insertAdministrativeRequest(tx, incidentId, req);
      await appendTimeline(tx, incidentId, 'admission.administrative-requested', {
        requestId: view.id,
        district: req.district,
        requestedByRole: req.requestedBy.role,
      });
      await tx.audit({
        action: 'admission.administrative-requested',
        entityType: 'administrative_admission_request',
        entityId: view.id,
        details: { incidentId },
      });
      return view;
    });
  }

  /** After a calendar edit, running clocks follow it: a newly declared holiday extends them, a removed one shortens. */
  async recomputeActive(tx: Tx, holidays: ReadonlySet<string>): Promise<number> {
    const active = await lockActiveAdmissions(tx);
    let changed = 0;
    for (const a of active) {
      const endsAt = admissionEndsAt(a.admitted_at, holidays, this.config.centreTimezone);
      if (endsAt.getTime() === a.ends_at.getTime()) continue;
      const row = await setEndsAt(tx, a.id, endsAt);
      await this.scheduleClock(tx, row);
      emitAdmission(tx, 'admission.updated', row, await this.teamOf(tx, row.incident_id));
      changed++;
    }
    return changed;
  }

  /** A step on a running admission: on the incident's timeline, audited and sent, under one name. */
  private async recordStep(
    tx: Tx,
    row: AdmissionRow,
    step: 'admission.guardian-notified' | 'admission.ended',
    details: Record<string, unknown>,
  ): Promise<EmergencyAdmissionView> {
    await appendTimeline(tx, row.incident_id, step, { admissionId: row.id, ...details });
    await tx.audit({ action: step, entityType: 'emergency_admission', entityId: row.id, details });
    emitAdmission(tx, 'admission.updated', row, await this.teamOf(tx, row.incident_id));
    return admissionView(tx, row.id);
  }

  private async scheduleClock(tx: Tx, row: AdmissionRow): Promise<void> {
    await scheduleTimer(tx, TIMER.admissionExpiring, row.id, admissionWarningAt(row.ends_at));
  }

  private async loadForHospitalOrCoordinator(tx: Tx, actor: Actor, id: string): Promise<AdmissionRow> {
    const row = await findAdmission(tx, id, true);
    if (!row) throw notFound('Emergency admission');
    if (actor.role === 'agency' && actor.agencyId !== row.hospital_agency_id)
      throw forbidden('Only the hospital of this admission may record on it');
    return row;
  }

  private async teamOf(tx: Tx, incidentId: string): Promise<string | null> {
    return (await loadIncidentRow(tx, incidentId))?.team_id ?? null;
  }
}
