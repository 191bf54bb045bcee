import type { DispatchView, IncidentDetail, TimelineEntry, TriageRecord } from '#contracts';
import type { DispatchRow } from '../dispatch/dispatch.repository.js';
import type { Tx } from '../database/tx.js';
import type { HandoffRow } from '../handoffs/handoffs.repository.js';
import { toHandoffView } from '../handoffs/handoff-views.js';
import { incidentCallback } from '../calls/calls.repository.js';
import { toTriageRecord, triageById } from '../triage/triage.repository.js';
import { toIncidentView, type IncidentRow } from './incidents.repository.js';

interface TimelineRow {
  at: Date;
  type: string;
  actor: string | null;
  data: Record<string, unknown>;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Everything about one incident, read in the caller's (audited) transaction. */
export async function loadIncidentDetail(tx: Tx, r: IncidentRow): Promise<IncidentDetail> {
  const calls = await tx.query<{ call_id: string }>(
    `SELECT call_id FROM incident_call WHERE incident_id = $1 ORDER BY attached_at, call_id`,
    [r.id],
  );
  const triageRow = r.triage_id ? await triageById(tx, r.triage_id) : undefined;
  const triage: TriageRecord | null = triageRow ? toTriageRecord(triageRow) : null;
  const dispatches = await tx.query<DispatchRow>(
    `SELECT * FROM dispatch WHERE incident_id = $1 ORDER BY offered_at, id`,
    [r.id],
  );
  const handoffs = await tx.query<HandoffRow>(
    `SELECT * FROM handoff WHERE incident_id = $1 ORDER BY requested_at, id`,
    [r.id],
  );
  // Entries copied from the call carry their original times, so order by time first, then insertion.
  const timeline = await tx.query<TimelineRow>(
    `SELECT at, type, actor, data FROM timeline WHERE incident_id = $1 ORDER BY at, id`,
    [r.id],
  );
  return {
    ...toIncidentView(r),
    callIds: calls.map((c) => c.call_id),
    callback: await incidentCallback(tx, r.id),
    clientId: r.client_id,
    teamId: r.team_id,
    triage,
    milestones: {
      createdAt: iso(r.created_at),
      firstDispatchedAt: iso(r.first_dispatched_at),
      acceptedAt: iso(r.accepted_at),
      enRouteAt: iso(r.en_route_at),
      onSceneAt: iso(r.on_scene_at),
      handoffAt: iso(r.handoff_at),
      clearedAt: iso(r.cleared_at),
      closedAt: iso(r.closed_at),
    },
    dispatches: dispatches.map((d): DispatchView => ({
      id: d.id,
      incidentId: d.incident_id,
      teamId: d.team_id,
      status: d.status,
      offeredAt: d.offered_at.toISOString(),
      expiresAt: d.expires_at.toISOString(),
      respondedAt: iso(d.responded_at),
      reason: d.reason,
    })),
    // The staff's own view of each handoff (bed request, contact confirmation, cancellation included).
    handoffs: handoffs.map((h) => toHandoffView(h)),
    timeline: timeline.map((t): TimelineEntry => ({
      at: t.at.toISOString(),
      type: t.type,
      actor: t.actor,
      data: t.data,
    })),
    disposition: r.disposition,
  };
}
