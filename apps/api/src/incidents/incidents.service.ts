import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { respondBy } from '#triage';
import { isTerminal } from '#dispatch';
import { neededSkillsFor } from '#geo';
import {
  type CreateIncidentRequest,
  type FieldIncidentView,
  type IncidentDetail,
  type IncidentStatus,
  type IncidentView,
  type LatLng,
  type SimilarIncident,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, notFound, validationFailed } from '../common/errors.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { type Tx, UnitOfWork } from '../database/tx.js';
import { RegionsService } from '../regions/regions.service.js';
import { assertMayActOn } from '../calls/call-ownership.js';
import {
  emitCallUpdatedFrom,
  loadCall,
  loadCallForIncident,
  type CallForIncident,
  type CallRow,
} from '../calls/calls.repository.js';
import type { TriageRow } from '../triage/triage.repository.js';
import { addressKey } from './address-key.js';
import { loadIncidentDetail } from './incident-detail.js';
import { IncidentDispatchPort } from './incident-dispatch.port.js';
import {
  ensureIncidentNumberSequence,
  formatIncidentNumber,
  incidentNumberSequence,
  incidentYear,
} from './incident-number.js';
import { applyTriageToIncident, dangerToOthers } from './incident-triage.js';
import {
  adoptClient,
  appendTimeline,
  appendTimelineEntries,
  queueIncidentForCall,
  linkCall,
  listIncidents,
  loadIncidentRow,
  similarCandidates,
  toIncidentEvent,
  toIncidentView,
  type TimelineEntry,
} from './incidents.repository.js';
import { SAME_CLIENT_HOURS, similarityReasons } from './similarity.js';
import { scheduleNewSlaTimers } from './sla-timers.js';
import { assertFieldMayRead, fieldTeam, toFieldView } from '../need-to-know/field-view.js';

export interface SimilarQuery {
  location: LatLng | null;
  address: string | null;
}

// Active incidents are all returned: the console's snapshot must be complete, and live work is bounded by the
// centre's capacity. Lists that include closed incidents (history) keep a cap.
const HISTORY_LIMIT = 500;

@Injectable()
export class IncidentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly regions: RegionsService,
    private readonly dispatch: IncidentDispatchPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The list carries addresses and summaries, so reading it is logged too: one audit row naming the incidents.
   * A team's phone gets only the incidents its team is or was dispatched to (need-to-know/field-view.ts).
   */
  async list(actor: Actor, statuses: readonly IncidentStatus[]): Promise<IncidentView[]> {
    return this.uow.read(actor, async (tx) => {
      const rows = await listIncidents(tx, statuses, fieldTeam(actor), HISTORY_LIMIT);
      if (rows.length > 0) {
        await tx.audit({
          action: 'incident.listed',
          entityType: 'incident',
          details: { statuses, ids: rows.map((r) => r.id) },
        });
      }
      return rows.map(toIncidentView);
    });
  }

  /**
   * The incident with its calls, triage, dispatches, handoffs and timeline: an audited read. A responder gets the
   * field view of an incident its team is or was dispatched to, and 403 for any other.
   */
  detail(actor: Actor, id: string): Promise<IncidentDetail | FieldIncidentView> {
    return this.uow.read(actor, async (tx) => {
      const row = await loadIncidentRow(tx, id);
      if (!row) throw notFound('Incident');
      await assertFieldMayRead(tx, actor, id);
      const team = fieldTeam(actor);
      await tx.audit({
        action: 'incident.read',
        entityType: 'incident',
        entityId: id,
        subjectId: row.client_id,
        details: team ? { view: 'field' } : undefined,
      });
      return team ? toFieldView(tx, row, team) : loadIncidentDetail(tx, row, await this.dispatch.history(tx, id));
    });
  }

  /**
   * Turns a triaged call into an incident (201), or attaches it to an open one (`attachToIncidentId`, 200 via
   * `attached`).
   */
  async create(actor: Actor, req: CreateIncidentRequest): Promise<{ incident: IncidentView; attached: boolean }> {
    // The year's number sequence exists before the transaction (created once; a minute ahead covers New Year).
    if (!req.attachToIncidentId)
      for (const at of [Date.now(), Date.now() + 60_000])
        await ensureIncidentNumberSequence(this.ds, incidentYear(new Date(at)));
    return this.uow.runGrouped(actor, async (tx) => {
      // The call with its whole triage history in one read: the current assessment decides, the earlier ones go on
      // the timeline. The same read says whether the cached regions are current, and draws a new incident's number.
      const year = incidentYear(tx.now);
      const found = await loadCallForIncident(
        tx,
        req.callId,
        req.attachToIncidentId ? undefined : incidentNumberSequence(year),
      );
      if (!found) throw validationFailed([{ field: 'callId', message: 'no such call' }]);
      const { call, history, regionsVersion } = found;
      assertMayActOn(call, actor);
      if (call.incident_id) {
        const existing = await loadIncidentRow(tx, call.incident_id);
        throw conflict('DUPLICATE', `The call already belongs to incident ${existing?.number ?? call.incident_id}`);
      }
      const triage = history.find((t) => t.superseded_at === null);
      if (!triage) throw validationFailed([{ field: 'callId', message: 'triage the call first' }]);
      if (req.attachToIncidentId)
        return { incident: await this.attach(tx, call, triage, req.attachToIncidentId, req), attached: true };
      if (found.drawnNumber === null) throw new Error('No incident number was drawn for a triaged, unlinked call');
      const region = await this.regions.regionAt(req.location, regionsVersion, tx);
      const made = {
        number: formatIncidentNumber(year, found.drawnNumber),
        subjectAge: req.subjectAge ?? (found.clientBirthYear ? year - found.clientBirthYear : null),
        regionId: region?.id ?? null,
      };
      return { incident: await this.insert(tx, call, triage, history, made, req), attached: false };
    });
  }

  /** Open incidents the call may be about (same client, caller, address or within 150 m), best match first. */
  similar(actor: Actor, callId: string, q: SimilarQuery): Promise<SimilarIncident[]> {
    return this.uow.read(actor, async (tx) => {
      const call = await loadCall(tx, callId);
      if (!call) throw notFound('Call');
      const rows = await similarCandidates(tx, {
        since: new Date(tx.now.getTime() - SAME_CLIENT_HOURS * 3600_000),
        callerDigits: call.caller_digits,
        callId: call.id,
        exceptId: call.incident_id,
      });
      const probe = { clientId: call.client_id, addressKey: addressKey(q.address), location: q.location };
      const found = rows
        .map((r) => {
          const { reasons, distanceM } = similarityReasons(
            {
              createdAt: r.created_at,
              clientId: r.client_id,
              addressKey: r.address_key,
              location: { lat: r.lat, lng: r.lng },
              sameCaller: r.same_caller,
            },
            probe,
            tx.now,
          );
          return { ...toIncidentView(r), matchedBy: reasons, distanceM };
        })
        .filter((s) => s.matchedBy.length > 0)
        .sort((a, b) => b.matchedBy.length - a.matchedBy.length || b.createdAt.localeCompare(a.createdAt));
      // Saying "this person has an open incident" is itself a disclosure about the client.
      await tx.audit({
        action: 'incident.similar-searched',
        entityType: 'call',
        entityId: callId,
        subjectId: call.client_id,
        details: { found: found.length },
      });
      return found;
    });
  }

  // Nothing here waits for PostgreSQL (issue 12): the incident with its call link, its timers, timeline and audit row
  // are queued and travel with the commit in one statement; no re-read of what this transaction wrote.
  private async insert(
    tx: Tx,
    call: CallForIncident,
    triage: TriageRow,
    history: TriageRow[],
    made: { number: string; subjectAge: number | null; regionId: string | null },
    req: CreateIncidentRequest,
  ): Promise<IncidentView> {
    const { regionId } = made;
    const neededSkills = neededSkillsFor({
      subjectAge: made.subjectAge,
      language: req.language ?? null,
      substance: req.substance ?? false,
      preferFemaleClinician: req.preferFemaleClinician ?? false,
      psychiatricAssessment: triage.input.policeRequestsAssessment,
    });
    const row = queueIncidentForCall(
      tx,
      {
        regionId,
        category: triage.category,
        respondBy: respondBy(triage.assessed_at, triage.category, this.config.responseTimes),
        location: { lat: req.location.lat, lng: req.location.lng, address: req.location.address ?? null },
        addressKey: addressKey(req.location.address),
        summary: req.summary ?? null,
        clientId: call.client_id,
        triageId: triage.id,
        neededSkills,
        dangerToOthers: dangerToOthers(triage),
        notify: triage.notify,
      },
      made.number,
      call.id,
    );
    const number = row.number;
    // The response clock: a warning before respondBy and an alert at it (issue 4, sla-timers.ts).
    await scheduleNewSlaTimers(tx, row.id, row.respond_by, this.config.slaWarningMinutes);
    const created: TimelineEntry = {
      at: tx.now,
      actor: tx.actor.username,
      type: 'incident.created',
      data: {
        number,
        callId: call.id,
        category: row.category,
        regionId,
        respondBy: row.respond_by?.toISOString() ?? null,
        neededSkills,
      },
    };
    // Still created without a region: the coordinator must see a point outside every district rather than lose it.
    const unknownRegion: TimelineEntry[] = regionId
      ? []
      : [
          {
            at: tx.now,
            actor: tx.actor.username,
            type: 'region.not-found',
            data: {
              message: 'The location is in no known region; choose a team by distance',
              location: { lat: row.lat, lng: row.lng },
            },
          },
        ];
    await appendTimelineEntries(tx, row.id, [...callSteps(call, history), created, ...unknownRegion]);
    await tx.audit({
      action: 'incident.created',
      entityType: 'incident',
      entityId: row.id,
      subjectId: row.client_id,
      details: { number, callId: call.id, category: row.category, regionId },
    });
    tx.emit('incident.created', toIncidentEvent(row));
    emitCallUpdatedFrom(tx, { ...call, incident_id: row.id }, triage.category);
    return toIncidentView(row);
  }

  private async attach(
    tx: Tx,
    call: CallRow,
    triage: TriageRow,
    incidentId: string,
    req: CreateIncidentRequest,
  ): Promise<IncidentView> {
    const incident = await loadIncidentRow(tx, incidentId, true);
    if (!incident) throw validationFailed([{ field: 'attachToIncidentId', message: 'no such incident' }]);
    if (isTerminal(incident.status))
      throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}; create a new one`);
    linkCall(tx, incidentId, call.id);
    if (call.client_id) await adoptClient(tx, incidentId, call.client_id);
    await appendTimeline(tx, incidentId, 'call.attached', {
      callId: call.id,
      channel: call.channel,
      receivedAt: call.received_at.toISOString(),
      category: triage.category,
      location: req.location,
      ...(req.summary ? { summary: req.summary } : {}),
    });
    // A more urgent account from the second caller raises the incident; a calmer one never lowers it.
    const raised = await applyTriageToIncident(
      tx,
      incidentId,
      triage,
      this.config.responseTimes,
      'triage.assessed',
      true,
    );
    const row = raised ?? (await loadIncidentRow(tx, incidentId))!;
    if (!raised) tx.emit('incident.updated', toIncidentEvent(row));
    await tx.audit({
      action: 'incident.call-attached',
      entityType: 'incident',
      entityId: incidentId,
      subjectId: row.client_id,
      details: { callId: call.id, number: row.number },
    });
    emitCallUpdatedFrom(tx, { ...call, incident_id: incidentId }, triage.category);
    return toIncidentView(row);
  }
}

/** The call's earlier steps, with their own times and actors, so the incident's timeline starts with the call. */
function callSteps(call: CallForIncident, history: TriageRow[]): TimelineEntry[] {
  const steps: TimelineEntry[] = [
    {
      at: call.received_at,
      actor: call.created_by_username ?? call.source,
      type: 'call.received',
      data: { callId: call.id, channel: call.channel, source: call.source },
    },
  ];
  if (call.answered_at)
    steps.push({
      at: call.answered_at,
      actor: call.counselor_username,
      type: 'call.answered',
      data: { callId: call.id },
    });
  for (const t of history) {
    steps.push(
      t.override
        ? {
            at: new Date(t.override.at),
            actor: t.override.by,
            type: 'triage.overridden',
            data: {
              callId: call.id,
              triageId: t.id,
              from: t.override.from,
              category: t.override.to,
              reason: t.override.reason,
            },
          }
        : {
            at: t.assessed_at,
            actor: t.assessed_by_username,
            type: 'triage.assessed',
            data: {
              callId: call.id,
              triageId: t.id,
              category: t.category,
              cssrsRisk: t.cssrs_risk,
              rulesVersion: t.rules_version,
              reasons: t.reasons,
            },
          },
    );
  }
  return steps;
}
