import { guardianNoticeStatus } from '#admission';
import type {
  AdministrativeAdmissionRequest,
  AdministrativeAdmissionView,
  AdmissionEventData,
  AdmissionOutcome,
  EmergencyAdmissionRequest,
  EmergencyAdmissionView,
  GuardianNoticeRequest,
} from '#contracts';
import type { Tx } from '../database/tx.js';

export interface AdmissionRow {
  id: string;
  incident_id: string;
  hospital_agency_id: string;
  doctor_name: string;
  doctor_at: Date;
  police_name: string;
  police_badge: string;
  police_at: Date;
  escort: EmergencyAdmissionView['escort'];
  admitted_at: Date;
  ends_at: Date;
  status: EmergencyAdmissionView['status'];
  guardian_due_at: Date;
  guardian_name: string | null;
  guardian_relation: string | null;
  guardian_method: 'written' | 'in-person' | null;
  guardian_notified_at: Date | null;
  outcome: AdmissionOutcome | null;
  ended_at: Date | null;
}

interface AdmissionViewRow extends AdmissionRow {
  incident_number: string;
  hospital_name: string;
  team_id: string | null;
}

const VIEW_SELECT = `
  SELECT ea.*, i.number AS incident_number, i.team_id, a.name AS hospital_name
  FROM emergency_admission ea JOIN incident i ON i.id = ea.incident_id JOIN agency a ON a.id = ea.hospital_agency_id`;

export function toAdmissionView(r: AdmissionViewRow, now: Date): EmergencyAdmissionView {
  const status = guardianNoticeStatus(r.guardian_due_at, r.guardian_notified_at, now);
  return {
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: r.incident_number,
    hospitalAgencyId: r.hospital_agency_id,
    hospitalName: r.hospital_name,
    status: r.status,
    escort: r.escort,
    doctor: { name: r.doctor_name, at: r.doctor_at.toISOString() },
    police: { name: r.police_name, badge: r.police_badge, at: r.police_at.toISOString() },
    admittedAt: r.admitted_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    guardianNotice: {
      status,
      dueAt: r.guardian_due_at.toISOString(),
      ...(r.guardian_notified_at
        ? {
            name: r.guardian_name!,
            relation: r.guardian_relation!,
            method: r.guardian_method!,
            at: r.guardian_notified_at.toISOString(),
          }
        : {}),
    },
    outcome: r.outcome,
    endedAt: r.ended_at?.toISOString() ?? null,
  };
}

/** Event data: ids and clocks only; names stay behind the audited list. */
export function toAdmissionEvent(r: AdmissionRow, now: Date): AdmissionEventData {
  return {
    id: r.id,
    incidentId: r.incident_id,
    hospitalAgencyId: r.hospital_agency_id,
    status: r.status,
    admittedAt: r.admitted_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    guardianNotice: {
      status: guardianNoticeStatus(r.guardian_due_at, r.guardian_notified_at, now),
      dueAt: r.guardian_due_at.toISOString(),
    },
    outcome: r.outcome,
  };
}

/** Null when the incident already has a running admission (the partial unique index decides). */
export async function insertAdmission(
  tx: Tx,
  incidentId: string,
  req: EmergencyAdmissionRequest,
  endsAt: Date,
  guardianDueAt: Date,
): Promise<AdmissionRow | null> {
  const row = await tx.one<AdmissionRow>(
    `INSERT INTO emergency_admission (incident_id, hospital_agency_id, doctor_name, doctor_at, police_name, police_badge, police_at,
       escort, admitted_at, ends_at, guardian_due_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     ON CONFLICT (incident_id) WHERE status = 'active' DO NOTHING RETURNING *`,
    [
      incidentId,
      req.hospitalAgencyId,
      req.doctor.name,
      req.doctor.at,
      req.police.name,
      req.police.badge,
      req.police.at,
      req.escort,
      req.admittedAt,
      endsAt.toISOString(),
      guardianDueAt.toISOString(),
      tx.actor.userId,
    ],
  );
  return row ?? null;
}

export async function findAdmission(tx: Tx, id: string, forUpdate = false): Promise<AdmissionRow | undefined> {
  return tx.one<AdmissionRow>(`SELECT * FROM emergency_admission WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

export async function listAdmissions(
  tx: Tx,
  filter: { active: boolean | null; hospitalId: string | null; incidentId: string | null },
): Promise<EmergencyAdmissionView[]> {
  const rows = await tx.query<AdmissionViewRow>(
    `${VIEW_SELECT}
     WHERE ($1::boolean IS NULL OR (ea.status = 'active') = $1) AND ($2::uuid IS NULL OR ea.hospital_agency_id = $2)
       AND ($3::uuid IS NULL OR ea.incident_id = $3)
     ORDER BY ea.status = 'active' DESC, ea.ends_at LIMIT 500`,
    [filter.active, filter.hospitalId, filter.incidentId],
  );
  return rows.map((r) => toAdmissionView(r, tx.now));
}

export async function admissionView(tx: Tx, id: string): Promise<EmergencyAdmissionView> {
  return toAdmissionView((await tx.one<AdmissionViewRow>(`${VIEW_SELECT} WHERE ea.id = $1`, [id]))!, tx.now);
}

/** Records the guardian's notice once; null when it was already recorded. */
export async function recordGuardianNotice(tx: Tx, id: string, n: GuardianNoticeRequest): Promise<AdmissionRow | null> {
  const row = await tx.one<AdmissionRow>(
    `UPDATE emergency_admission SET guardian_name = $2, guardian_relation = $3, guardian_method = $4, guardian_notified_at = $5
     WHERE id = $1 AND guardian_notified_at IS NULL RETURNING *`,
    [id, n.name, n.relation, n.method, n.at],
  );
  return row ?? null;
}

/** Ends a running admission; null when it already ended (two people ending it leave one outcome). */
export async function endAdmission(
  tx: Tx,
  id: string,
  outcome: AdmissionOutcome,
  at: string,
): Promise<AdmissionRow | null> {
  const row = await tx.one<AdmissionRow>(
    `UPDATE emergency_admission SET status = 'ended', outcome = $2, ended_at = $3 WHERE id = $1 AND status = 'active' RETURNING *`,
    [id, outcome, at],
  );
  return row ?? null;
}

export async function insertAdministrativeRequest(
  tx: Tx,
  incidentId: string,
  req: AdministrativeAdmissionRequest,
): Promise<AdministrativeAdmissionView> {
  const row = (await tx.one<{ id: string; requested_at: Date }>(
    `INSERT INTO administrative_admission_request (incident_id, requested_by_name, requested_by_role, district, requested_at, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING id, requested_at`,
    [incidentId, req.requestedBy.name, req.requestedBy.role, req.district, req.at, tx.actor.userId],
  ))!;
  return {
    id: row.id,
    incidentId,
    requestedBy: req.requestedBy,
    district: req.district,
    at: row.requested_at.toISOString(),
  };
}

/** Running admissions, locked: a calendar edit recomputes their ends. */
export async function lockActiveAdmissions(tx: Tx): Promise<AdmissionRow[]> {
  return tx.query<AdmissionRow>(`SELECT * FROM emergency_admission WHERE status = 'active' FOR UPDATE`);
}

export async function setEndsAt(tx: Tx, id: string, endsAt: Date): Promise<AdmissionRow> {
  return (await tx.one<AdmissionRow>(`UPDATE emergency_admission SET ends_at = $2 WHERE id = $1 RETURNING *`, [
    id,
    endsAt.toISOString(),
  ]))!;
}
