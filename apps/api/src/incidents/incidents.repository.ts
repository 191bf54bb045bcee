import type { Category, IncidentEventData, IncidentStatus, IncidentView } from '#contracts';
import type { Tx } from '../database/tx.js';
import { audience } from '../realtime/audience.js';

export interface IncidentRow {
  id: string;
  number: string;
  region_id: string | null;
  category: Category;
  status: IncidentStatus;
  respond_by: Date | null;
  lat: number;
  lng: number;
  address: string | null;
  summary: string | null;
  client_id: string | null;
  triage_id: string | null;
  team_id: string | null;
  needed_skills: string[];
  danger_to_others: boolean;
  notify: { police: boolean; ems: boolean; fire: boolean };
  created_at: Date;
  first_dispatched_at: Date | null;
  accepted_at: Date | null;
  en_route_at: Date | null;
  on_scene_at: Date | null;
  handoff_at: Date | null;
  cleared_at: Date | null;
  closed_at: Date | null;
  disposition: string | null;
}

export function toIncidentView(r: IncidentRow): IncidentView {
  return {
    id: r.id,
    number: r.number,
    regionId: r.region_id,
    category: r.category,
    status: r.status,
    respondBy: r.respond_by?.toISOString() ?? null,
    location: { lat: r.lat, lng: r.lng, address: r.address },
    summary: r.summary,
    createdAt: r.created_at.toISOString(),
  };
}

/** Event data carries no summary or address: those stay behind the audited detail read. */
export function toIncidentEvent(r: IncidentRow, milestone?: string): IncidentEventData {
  const data: IncidentEventData = {
    id: r.id,
    number: r.number,
    status: r.status,
    category: r.category,
    regionId: r.region_id,
    location: { lat: r.lat, lng: r.lng },
    respondBy: r.respond_by?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    teamId: r.team_id,
  };
  if (milestone) data.milestone = milestone;
  return data;
}

export async function loadIncidentRow(tx: Tx, id: string, forUpdate = false): Promise<IncidentRow | undefined> {
  return tx.one<IncidentRow>(`SELECT * FROM incident WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/** Appends a timeline entry in the caller's transaction; the actor is the transaction's. */
export async function appendTimeline(tx: Tx, incidentId: string, type: string, data: Record<string, unknown> = {}): Promise<void> {
  await tx.query(`INSERT INTO timeline (incident_id, at, type, actor, data) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    incidentId,
    tx.now.toISOString(),
    type,
    tx.actor.username,
    JSON.stringify(data),
  ]);
}

/**
 * Appends a timeline entry with its own time and actor: used to copy a call's earlier steps (received,
 * answered, triaged) onto the incident created from it, so the timeline starts when the call did.
 */
export async function appendTimelineAt(
  tx: Tx,
  incidentId: string,
  at: Date,
  actor: string | null,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(`INSERT INTO timeline (incident_id, at, type, actor, data) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    incidentId,
    at.toISOString(),
    type,
    actor,
    JSON.stringify(data),
  ]);
}

/** Who hears about an incident: the control room, the counselors who may attach calls to it, and its team. */
export function incidentAudience(r: Pick<IncidentRow, 'team_id'>): string[] {
  return audience.incident(r.team_id);
}
