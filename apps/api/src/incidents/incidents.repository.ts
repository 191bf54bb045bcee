import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database/db.js';
import type { Category, IncidentEventData, IncidentStatus, IncidentView, TimelineType } from '#contracts';
import { isTerminal, TERMINAL_INCIDENT_STATUSES } from '#dispatch';
import type { Tx } from '../database/tx.js';
import { teamMayReadSql } from '../need-to-know/field-scope.repository.js';

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

/** One incident; `forUpdate` locks it (in a unit of work). A Queryable, so reads that change nothing use the pool. */
export async function loadIncidentRow(db: Queryable, id: string, forUpdate = false): Promise<IncidentRow | undefined> {
  return db.one<IncidentRow>(`SELECT * FROM incident WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

/**
 * Incidents in these statuses, most urgent first; with `teamId`, only those the team may read (need-to-know).
 * A list that includes ended incidents (history) stops at `historyLimit`.
 */
export async function listIncidents(
  tx: Tx,
  statuses: readonly IncidentStatus[],
  teamId: string | null,
  historyLimit: number,
): Promise<IncidentRow[]> {
  const history = statuses.some(isTerminal);
  return tx.query<IncidentRow>(
    `SELECT * FROM incident WHERE status = ANY($1::text[]) AND ($2::uuid IS NULL OR ${teamMayReadSql('incident.id', '$2::uuid')})
     ORDER BY respond_by NULLS LAST, created_at DESC${history ? ` LIMIT ${historyLimit}` : ''}`,
    [statuses, teamId],
  );
}

export type SimilarCandidateRow = IncidentRow & { address_key: string | null; same_caller: boolean };

/**
 * Incidents still running, created since `since`, other than `exceptId`, each saying whether a call from the same
 * number (other than `callId`) is attached to it: the candidates a new call may be about.
 */
export async function similarCandidates(
  tx: Tx,
  q: { since: Date; callerDigits: string | null; callId: string; exceptId: string | null },
): Promise<SimilarCandidateRow[]> {
  return tx.query<SimilarCandidateRow>(
    `SELECT i.*, EXISTS (
       SELECT 1 FROM incident_call ic JOIN call c ON c.id = ic.call_id
       WHERE ic.incident_id = i.id AND c.caller_digits = $3 AND c.id <> $4) AS same_caller
     FROM incident i
     WHERE NOT (i.status = ANY($1::text[])) AND i.created_at >= $2 AND i.id IS DISTINCT FROM $5::uuid`,
    [TERMINAL_INCIDENT_STATUSES, q.since.toISOString(), q.callerDigits, q.callId, q.exceptId],
  );
}

/**
 * The incident takes the call's client while it has none; a second caller never relinks it. True when it did.
 */
export async function adoptClient(tx: Tx, incidentId: string, clientId: string): Promise<boolean> {
  const row = await tx.one(`UPDATE incident SET client_id = $2 WHERE id = $1 AND client_id IS NULL RETURNING id`, [
    incidentId,
    clientId,
  ]);
  return row !== undefined;
}

/** Milestone times a status change stamps once: a later change never moves them (the first value is kept). */
export const INCIDENT_MILESTONES = [
  'first_dispatched_at',
  'accepted_at',
  'en_route_at',
  'on_scene_at',
  'cleared_at',
] as const;
export type IncidentMilestone = (typeof INCIDENT_MILESTONES)[number];

/** What a status change records besides the status. */
export interface IncidentStatusChange {
  /** ISO times, each kept if the column already has one. */
  milestones?: Partial<Record<IncidentMilestone, string>>;
  /** The team working the incident, or null when it stands down. */
  teamId?: string | null;
  closed?: { at: string; disposition: string };
}

/**
 * The SET list of a status change, with the status as $2 and the rest as parameters from $4 on. Column names come
 * only from this file's constants, never from the caller, so no caller can write SQL into the statement.
 */
export function statusChangeSet(change: IncidentStatusChange): { set: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length + 3}`;
  };
  const set = ['status = $2'];
  for (const column of INCIDENT_MILESTONES) {
    const at = change.milestones?.[column];
    if (at !== undefined) set.push(`${column} = coalesce(${column}, ${param(at)}::timestamptz)`);
  }
  if (change.teamId !== undefined) set.push(`team_id = ${param(change.teamId)}::uuid`);
  if (change.closed) {
    set.push(
      `closed_at = ${param(change.closed.at)}::timestamptz`,
      `disposition = ${param(change.closed.disposition)}`,
    );
  }
  return { set: set.join(', '), params };
}

/**
 * Moves the incident to `to` only from the `from` statuses, so a concurrent change makes this return undefined
 * instead of overwriting it, recording `change` in the same statement.
 */
export async function updateIncidentStatus(
  tx: Tx,
  incidentId: string,
  from: readonly IncidentStatus[],
  to: IncidentStatus,
  change: IncidentStatusChange = {},
): Promise<IncidentRow | undefined> {
  const { set, params } = statusChangeSet(change);
  return tx.one<IncidentRow>(`UPDATE incident SET ${set} WHERE id = $1 AND status = ANY($3::text[]) RETURNING *`, [
    incidentId,
    to,
    from,
    ...params,
  ]);
}

/** The incident's assessment, response deadline, partners to notify and danger flag, from a triage. */
export async function setIncidentTriage(
  tx: Tx,
  incidentId: string,
  t: { category: Category; respondBy: Date | null; triageId: string; notify: unknown; dangerToOthers: boolean },
): Promise<IncidentRow> {
  return (await tx.one<IncidentRow>(
    `UPDATE incident SET category = $2, respond_by = $3, triage_id = $4, notify = $5::jsonb, danger_to_others = $6
     WHERE id = $1 RETURNING *`,
    [
      incidentId,
      t.category,
      t.respondBy?.toISOString() ?? null,
      t.triageId,
      JSON.stringify(t.notify),
      t.dangerToOthers,
    ],
  ))!;
}

/** The ids of the calls attached to the incident, in the order they were attached. */
export async function callIdsOf(tx: Tx, incidentId: string): Promise<string[]> {
  const rows = await tx.query<{ call_id: string }>(
    `SELECT call_id FROM incident_call WHERE incident_id = $1 ORDER BY attached_at, call_id`,
    [incidentId],
  );
  return rows.map((c) => c.call_id);
}

/** The timeline; entries copied from the call carry their original times, so by time first, then insertion. */
export async function timelineOf(tx: Tx, incidentId: string): Promise<TimelineEntry[]> {
  return tx.query<TimelineEntry>(`SELECT at, type, actor, data FROM timeline WHERE incident_id = $1 ORDER BY at, id`, [
    incidentId,
  ]);
}

/** Appends a timeline entry in the caller's transaction; the actor is the transaction's. */
export function appendTimeline(
  tx: Tx,
  incidentId: string,
  type: TimelineType,
  data: Record<string, unknown> = {},
): Promise<void> {
  tx.later('timeline', `INSERT INTO timeline (incident_id, at, type, actor, data) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
    incidentId,
    tx.now.toISOString(),
    type,
    tx.actor.username,
    JSON.stringify(data),
  ]);
  return Promise.resolve();
}

export interface NewIncident {
  regionId: string | null;
  category: Category;
  respondBy: Date | null;
  location: { lat: number; lng: number; address: string | null };
  addressKey: string | null;
  summary: string | null;
  clientId: string | null;
  triageId: string;
  neededSkills: string[];
  dangerToOthers: boolean;
  notify: IncidentRow['notify'];
}

/**
 * Queues a new incident (its id made here, its number already drawn: calls.repository.ts loadCallForIncident) and the
 * link to the call it comes from (the incident_call row and call.incident_id), and returns the row as it will be
 * stored. Nothing here waits for PostgreSQL: the rows travel with the commit, in one statement with the create's other
 * writes, whose foreign keys are checked at its end (database/write-batch.ts).
 */
export function queueIncidentForCall(tx: Tx, i: NewIncident, number: string, callId: string): IncidentRow {
  const row: IncidentRow = {
    id: randomUUID(),
    number,
    region_id: i.regionId,
    category: i.category,
    status: 'open',
    respond_by: i.respondBy,
    lat: i.location.lat,
    lng: i.location.lng,
    address: i.location.address,
    summary: i.summary,
    client_id: i.clientId,
    triage_id: i.triageId,
    team_id: null,
    needed_skills: i.neededSkills,
    danger_to_others: i.dangerToOthers,
    notify: i.notify,
    created_at: tx.now,
    first_dispatched_at: null,
    accepted_at: null,
    en_route_at: null,
    on_scene_at: null,
    handoff_at: null,
    cleared_at: null,
    closed_at: null,
    disposition: null,
  };
  tx.later(
    'incident',
    `INSERT INTO incident (id, number, region_id, category, status, respond_by, lat, lng, address, address_key, summary,
       client_id, triage_id, needed_skills, danger_to_others, notify, created_at, created_by)
     VALUES ($1,$2,$3,$4,'open',$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15::jsonb,$16,$17)`,
    [
      row.id,
      number,
      i.regionId,
      i.category,
      i.respondBy?.toISOString() ?? null,
      i.location.lat,
      i.location.lng,
      i.location.address,
      i.addressKey,
      i.summary,
      i.clientId,
      i.triageId,
      i.neededSkills,
      i.dangerToOthers,
      JSON.stringify(i.notify),
      tx.now.toISOString(),
      tx.actor.userId,
    ],
  );
  linkCall(tx, row.id, callId);
  return row;
}

/**
 * Links a call to its incident: the incident_call row and call.incident_id, queued (nothing in the unit of work reads
 * them back), so they travel with the next statement or the commit.
 */
export function linkCall(tx: Tx, incidentId: string, callId: string): void {
  tx.later('incident_call', `INSERT INTO incident_call (incident_id, call_id, attached_at) VALUES ($1, $2, $3)`, [
    incidentId,
    callId,
    tx.now.toISOString(),
  ]);
  tx.later('call', `UPDATE call SET incident_id = $1 WHERE id = $2`, [incidentId, callId]);
}

export interface TimelineEntry {
  at: Date;
  actor: string | null;
  type: TimelineType;
  data: Record<string, unknown>;
}

/** Appends several timeline entries, in the given order, with one statement. */
export function appendTimelineEntries(tx: Tx, incidentId: string, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  tx.later(
    'timeline',
    `INSERT INTO timeline (incident_id, at, type, actor, data)
     SELECT $1, x.at, x.type, x.actor, x.data
     FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS x(at, type, actor, data, i)
     ORDER BY x.i`,
    [
      incidentId,
      entries.map((e) => e.at.toISOString()),
      entries.map((e) => e.type),
      entries.map((e) => e.actor),
      entries.map((e) => JSON.stringify(e.data)),
    ],
  );
  return Promise.resolve();
}
