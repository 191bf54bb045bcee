import {
  auditActionOf,
  RECORD_READ_ACTIONS,
  storedNamesOf,
  type AuditRowView,
  type StoredAuditAction,
  type UnusualAccessReason,
  type UnusualAccessView,
} from '#contracts';
import type { Tx } from '../database/tx.js';

// Reads of the audit table for the PIPA access-log review. Only the columns every audit row has had since the
// foundation migration are read (engineer sec11 adds integrity columns alongside; nothing here depends on them).

/** The stored names of record reads (RECORD_READ_ACTIONS), with the old names of rows written before the rename. */
const RECORD_READ_NAMES = storedNamesOf(RECORD_READ_ACTIONS);

export interface AuditQuery {
  subjectId: string | null;
  actorId: string | null;
  from: Date | null;
  to: Date | null;
  limit: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_username: string;
  actor_id: string | null;
  actor_role: AuditRowView['role'];
  action: StoredAuditAction;
  entity_type: string;
  entity_id: string | null;
  subject_id: string | null;
  ip: string | null;
}

const COLUMNS = `a.id::text AS id, a.at, a.actor_username, a.actor_id, a.actor_role, a.action, a.entity_type, a.entity_id, a.subject_id, a.ip`;

function view(r: AuditRow): AuditRowView {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor_username,
    actorId: r.actor_id,
    role: r.actor_role,
    action: auditActionOf(r.action),
    entityType: r.entity_type,
    entityId: r.entity_id,
    subjectId: r.subject_id,
    ip: r.ip,
  };
}

/** Access-log rows matching the filters, newest first. */
export async function findAuditRows(tx: Tx, q: AuditQuery): Promise<AuditRowView[]> {
  const rows = await tx.query<AuditRow>(
    `SELECT ${COLUMNS} FROM audit a
      WHERE ($1::uuid IS NULL OR a.subject_id = $1::uuid)
        AND ($2::uuid IS NULL OR a.actor_id = $2::uuid)
        AND ($3::timestamptz IS NULL OR a.at >= $3::timestamptz)
        AND ($4::timestamptz IS NULL OR a.at < $4::timestamptz)
      ORDER BY a.at DESC, a.id DESC
      LIMIT $5`,
    [q.subjectId, q.actorId, q.from?.toISOString() ?? null, q.to?.toISOString() ?? null, q.limit],
  );
  return rows.map(view);
}

/**
 * Reads of a person's record in [from, to) that deserve a look: by a user who never had a call or an incident with
 * the person, or by a team member while the team had no shift. "Had a call or incident with them": took, created
 * or triaged one of the person's calls; created, dispatched, was sent to or took a handoff of one of the person's
 * incidents; closed a follow-up of theirs; or changed the person's record (a non-read audit row about them).
 */
export async function findUnusualReads(tx: Tx, from: Date, to: Date, limit: number): Promise<UnusualAccessView[]> {
  const rows = await tx.query<AuditRow & { no_relationship: boolean; outside_shift: boolean }>(
    `SELECT * FROM (
       SELECT ${COLUMNS},
         NOT (
           EXISTS (SELECT 1 FROM call c WHERE c.client_id = a.subject_id
                     AND (c.counselor_id = a.actor_id OR c.created_by = a.actor_id
                          OR EXISTS (SELECT 1 FROM triage t WHERE t.call_id = c.id AND t.assessed_by = a.actor_id)))
           OR EXISTS (SELECT 1 FROM incident i WHERE i.client_id = a.subject_id
                     AND (i.created_by = a.actor_id
                          OR EXISTS (SELECT 1 FROM dispatch d WHERE d.incident_id = i.id AND (d.offered_by = a.actor_id OR d.team_id = u.team_id))
                          OR EXISTS (SELECT 1 FROM handoff h WHERE h.incident_id = i.id AND (h.requested_by = a.actor_id OR h.agency_id = u.agency_id))))
           OR EXISTS (SELECT 1 FROM follow_up f WHERE f.client_id = a.subject_id AND f.done_by = a.actor_id)
           OR EXISTS (SELECT 1 FROM audit w WHERE w.subject_id = a.subject_id AND w.actor_id = a.actor_id AND w.action <> ALL($3::text[]))
         ) AS no_relationship,
         (u.team_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM shift s WHERE s.team_id = u.team_id AND s.starts_at <= a.at AND s.ends_at > a.at)) AS outside_shift
       FROM audit a LEFT JOIN app_user u ON u.id = a.actor_id
      WHERE a.subject_id IS NOT NULL AND a.actor_id IS NOT NULL
        AND a.at >= $1::timestamptz AND a.at < $2::timestamptz
        AND a.action = ANY($3::text[])
     ) r
     WHERE r.no_relationship OR r.outside_shift
     ORDER BY r.at DESC, r.id DESC
     LIMIT $4`,
    [from.toISOString(), to.toISOString(), RECORD_READ_NAMES, limit],
  );
  return rows.map((r) => {
    const reasons: UnusualAccessReason[] = [];
    if (r.no_relationship) reasons.push('no-relationship');
    if (r.outside_shift) reasons.push('outside-shift');
    return { ...view(r), reasons };
  });
}
