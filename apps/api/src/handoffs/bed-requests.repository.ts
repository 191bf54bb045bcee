import type { AgencyKind, AgencyView, BedsView } from '#contracts';
import type { Tx } from '../database/tx.js';
import { HANDOFF_UNANSWERED_TIMER, type HandoffRow } from './handoffs.repository.js';

export interface BedRequestRow {
  id: string;
  incident_id: string;
  reason: string;
  requested_at: Date;
  accepted_handoff_id: string | null;
  accepted_at: Date | null;
}

export interface HospitalRow {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  region_ids: string[];
  lat: number;
  lng: number;
  beds_available: number | null;
  accepting: boolean;
  beds_updated_at: Date | null;
}

const AGENCY_COLUMNS = `id, code, kind, name, region_ids, lat, lng, beds_available, accepting, beds_updated_at`;

export function toAgencyView(r: HospitalRow): AgencyView {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    regionIds: r.region_ids,
    location: { lat: r.lat, lng: r.lng },
    bedsAvailable: r.beds_available,
    accepting: r.accepting,
    bedsUpdatedAt: r.beds_updated_at?.toISOString() ?? null,
  };
}

export async function insertBedRequest(tx: Tx, incidentId: string, reason: string): Promise<BedRequestRow> {
  return (await tx.one<BedRequestRow>(
    `INSERT INTO bed_request (incident_id, reason, requested_at, requested_by) VALUES ($1, $2, $3, $4) RETURNING *`,
    [incidentId, reason, tx.now.toISOString(), tx.actor.userId],
  ))!;
}

/**
 * The first accept of a bed request takes it. Concurrent accepts queue on the request's row; once the first
 * commits, the others re-check `accepted_handoff_id IS NULL`, find it set and get nothing back.
 */
export async function claimBedRequest(tx: Tx, bedRequestId: string, handoffId: string): Promise<boolean> {
  const row = await tx.one(
    `UPDATE bed_request SET accepted_handoff_id = $2, accepted_at = $3 WHERE id = $1 AND accepted_handoff_id IS NULL RETURNING id`,
    [bedRequestId, handoffId, tx.now.toISOString()],
  );
  return row !== undefined;
}

/** The other hospitals' open requests of a bed request, withdrawn once one hospital accepted. */
export async function withdrawOtherHandoffs(tx: Tx, bedRequestId: string, winnerId: string): Promise<HandoffRow[]> {
  const rows = await tx.query<HandoffRow>(
    `UPDATE handoff SET status = 'withdrawn', responded_at = NULL
     WHERE bed_request_id = $1 AND id <> $2 AND status = 'requested' RETURNING *`,
    [bedRequestId, winnerId],
  );
  await tx.query(
    `UPDATE timer SET cancelled_at = now() WHERE kind = $1 AND ref_id = ANY($2::uuid[]) AND fired_at IS NULL AND cancelled_at IS NULL`,
    [HANDOFF_UNANSWERED_TIMER, rows.map((r) => r.id)],
  );
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

export async function loadAgencies(tx: Tx, ids: readonly string[]): Promise<HospitalRow[]> {
  return tx.query<HospitalRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function loadAgency(tx: Tx, id: string): Promise<HospitalRow | undefined> {
  return tx.one<HospitalRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE id = $1`, [id]);
}

export async function loadHospitals(tx: Tx): Promise<HospitalRow[]> {
  return tx.query<HospitalRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE kind = 'hospital' ORDER BY name, id`);
}

export async function updateBeds(
  tx: Tx,
  agencyId: string,
  available: number,
  accepting: boolean,
): Promise<BedsView | undefined> {
  const row = await tx.one<{ beds_available: number; accepting: boolean; beds_updated_at: Date }>(
    `UPDATE agency SET beds_available = $2, accepting = $3, beds_updated_at = $4 WHERE id = $1 AND kind = 'hospital'
     RETURNING beds_available, accepting, beds_updated_at`,
    [agencyId, available, accepting, tx.now.toISOString()],
  );
  if (!row) return undefined;
  const at = row.beds_updated_at.toISOString();
  return { agencyId, bedsAvailable: row.beds_available, accepting: row.accepting, bedsUpdatedAt: at, updatedAt: at };
}
