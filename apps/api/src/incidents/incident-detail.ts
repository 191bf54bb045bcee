import type { DispatchView, IncidentDetail, TimelineEntry, TriageRecord } from '#contracts';
import type { Tx } from '../database/tx.js';
import { handoffsOfIncident } from '../handoffs/handoffs.repository.js';
import { toHandoffView } from '../handoffs/handoff-views.js';
import { incidentCallback } from '../calls/calls.repository.js';
import { toTriageRecord, triageById } from '../triage/triage.repository.js';
import { callIdsOf, timelineOf, toIncidentView, type IncidentRow } from './incidents.repository.js';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Everything about one incident, read in the caller's (audited) transaction; its dispatches come from dispatch. */
export async function loadIncidentDetail(tx: Tx, r: IncidentRow, dispatches: DispatchView[]): Promise<IncidentDetail> {
  const triageRow = r.triage_id ? await triageById(tx, r.triage_id) : undefined;
  const triage: TriageRecord | null = triageRow ? toTriageRecord(triageRow) : null;
  const handoffs = await handoffsOfIncident(tx, r.id);
  const timeline = await timelineOf(tx, r.id);
  return {
    ...toIncidentView(r),
    callIds: await callIdsOf(tx, r.id),
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
    dispatches,
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
