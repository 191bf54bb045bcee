import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TIMER, type DispatchView, type TeamView } from '#contracts';
import { isTerminal } from '#dispatch';
import type { Actor } from '../common/actor.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { conflict, DomainError, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { appendTimeline, loadIncidentRow, type IncidentRow } from '../incidents/incidents.repository.js';
import { raiseAlert } from '../alerts/alerts.js';
import { cancelTimer, scheduleTimer, TimerRunner } from '../timers/timer-runner.js';
import { loadTeam, loadTeamRow, toTeamEvent, toTeamView } from '../teams/teams.repository.js';
import { claimTeamForOffer, releaseOfferedTeam, teamAcceptedOffer } from '../teams/team-dispatch.repository.js';
import {
  endDispatch,
  insertOffer,
  loadDispatch,
  toDispatchEvent,
  toDispatchView,
  type DispatchRow,
} from './dispatch.repository.js';
import { emitIncidentUpdated, transitionIncident } from '../incidents/incident-transitions.js';
import { RecommendationsService } from './recommendations.service.js';

type OfferRefusal = { refused: DomainError };

/** Categories whose expired offers are re-offered automatically (minutes matter more than a coordinator's choice). */
const AUTO_REOFFER_CATEGORIES = new Set(['A', 'B']);

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.code === '23505' || err?.driverError?.code === '23505';
}

/** The last step of an offer or an acceptance: the dispatch, its team and its incident are sent, then audited. */
async function announceDispatch(
  tx: Tx,
  event: 'dispatch.offered' | 'dispatch.updated',
  dispatch: DispatchRow,
  incident: IncidentRow,
  team: TeamView,
  updated: IncidentRow,
  step: { milestone: string; action: 'dispatch.offered' | 'dispatch.accepted'; details: Record<string, unknown> },
): Promise<DispatchView> {
  tx.emit(event, toDispatchEvent(dispatch, incident));
  tx.emit('team.updated', toTeamEvent(team));
  emitIncidentUpdated(tx, updated, step.milestone);
  await tx.audit({ action: step.action, entityType: 'dispatch', entityId: dispatch.id, details: step.details });
  return toDispatchView(dispatch, incident);
}

/**
 * Offers of incidents to teams: offer, accept, decline, withdraw, and expiry with automatic re-offer.
 * Every race is settled in SQL. Lock order, everywhere: timer → incident → dispatch → team, so a timer firing and a
 * responder answering at the same instant queue behind each other instead of deadlocking.
 */
@Injectable()
export class OffersService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRunner,
    private readonly recommendations: RecommendationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timers.register(TIMER.offerExpiry, (tx, timer) => this.expire(tx, timer.ref_id!));
  }

  /** POST /incidents/:id/dispatches */
  async offer(actor: Actor, incidentId: string, teamId: string): Promise<DispatchView> {
    try {
      return await this.uow.run(actor, async (tx) => {
        const incident = await loadIncidentRow(tx, incidentId, true);
        if (!incident) throw notFound('Incident');
        if (incident.status !== 'open') throw incidentNotOpen(incident);
        const result = await this.attemptOffer(tx, incident, teamId, false);
        if ('refused' in result) throw result.refused;
        return result;
      });
    } catch (e) {
      // The partial unique indexes are the last line of defence; the conditional updates above should win first.
      if (isUniqueViolation(e))
        throw conflict('TEAM_NOT_AVAILABLE', 'The team or the incident already has a live dispatch');
      throw e;
    }
  }

  /** POST /dispatches/:id/accept: by the offered team's responders only. */
  accept(actor: Actor, dispatchId: string): Promise<DispatchView> {
    return this.uow.run(actor, async (tx) => {
      const { incident, dispatch } = await this.answerable(tx, actor, dispatchId);
      if (dispatch.status === 'accepted') return toDispatchView(dispatch, incident); // a retried accept from a flaky phone
      assertOpenOffer(dispatch, tx.now);
      const accepted = (await endDispatch(tx, dispatch.id, 'offered', 'accepted', null))!;
      if (!(await teamAcceptedOffer(tx, dispatch.team_id)))
        throw conflict('STATE_CHANGED', 'The team is no longer holding this offer');
      const now = tx.now.toISOString();
      const row = await transitionIncident(tx, incident.id, 'accept', {
        teamId: dispatch.team_id,
        milestones: { accepted_at: now, en_route_at: now },
      });
      if (!row) throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}`);
      const teamView = (await loadTeam(tx, dispatch.team_id))!;
      await appendTimeline(tx, incident.id, 'dispatch.accepted', {
        dispatchId: dispatch.id,
        teamId: teamView.id,
        callsign: teamView.callsign,
      });
      await appendTimeline(tx, incident.id, 'team.en-route', { teamId: teamView.id, callsign: teamView.callsign });
      return announceDispatch(tx, 'dispatch.updated', accepted, incident, teamView, row, {
        milestone: 'accepted',
        action: 'dispatch.accepted',
        details: { incidentId: incident.id, teamId: teamView.id },
      });
    });
  }

  /** POST /dispatches/:id/decline {reason}: by the offered team's responders only. */
  decline(actor: Actor, dispatchId: string, reason: string): Promise<DispatchView> {
    return this.uow.run(actor, async (tx) => {
      const { incident, dispatch } = await this.answerable(tx, actor, dispatchId);
      if (dispatch.status === 'declined') return toDispatchView(dispatch, incident);
      assertOpenOffer(dispatch, tx.now);
      const ended = await this.endOffer(tx, incident, dispatch, 'declined', reason);
      await tx.audit({
        action: 'dispatch.declined',
        entityType: 'dispatch',
        entityId: dispatch.id,
        details: { incidentId: incident.id, reason },
      });
      // As on expiry, A and B go on to the next team at once; the control room hears why the team said no.
      const next = await this.reofferNext(tx, incident.id);
      const team = (await loadTeamRow(tx, dispatch.team_id))!;
      const onward = next
        ? `offered automatically to ${next.callsign}`
        : AUTO_REOFFER_CATEGORIES.has(incident.category)
          ? 'no other team available: dispatch manually'
          : 'offer it to another team';
      await alertOfferEnded(tx, 'offer-declined', incident, dispatch, {
        critical: AUTO_REOFFER_CATEGORIES.has(incident.category) && !next,
        message: `${team.callsign} declined ${incident.number} (category ${incident.category}): "${reason}"; ${onward}`,
      });
      return toDispatchView(ended, incident);
    });
  }

  /** POST /dispatches/:id/withdraw: a coordinator takes back an unanswered offer (e.g. to send a closer team). */
  withdraw(actor: Actor, dispatchId: string, reason: string | undefined): Promise<DispatchView> {
    return this.uow.run(actor, async (tx) => {
      const found = await loadDispatch(tx, dispatchId);
      if (!found) throw notFound('Dispatch');
      await cancelTimer(tx, TIMER.offerExpiry, found.id);
      const incident = (await loadIncidentRow(tx, found.incident_id, true))!;
      const dispatch = (await loadDispatch(tx, dispatchId, true))!;
      if (dispatch.status !== 'offered') {
        throw conflict(
          'STATE_CHANGED',
          `The dispatch is ${dispatch.status}; only an unanswered offer can be withdrawn (stand an en-route team down by its status)`,
        );
      }
      const ended = await this.endOffer(tx, incident, dispatch, 'withdrawn', reason ?? 'withdrawn by the control room');
      await tx.audit({
        action: 'dispatch.withdrawn',
        entityType: 'dispatch',
        entityId: dispatch.id,
        details: { incidentId: incident.id },
      });
      return toDispatchView(ended, incident);
    });
  }

  /**
   * Offers a locked, open incident to a team. The team is claimed with one conditional update (available, on duty,
   * big enough when there is danger to others): of N parallel offers of one team exactly one finds it available.
   */
  async attemptOffer(
    tx: Tx,
    incident: IncidentRow,
    teamId: string,
    automatic: boolean,
  ): Promise<DispatchView | OfferRefusal> {
    const now = tx.now;
    if (!(await claimTeamForOffer(tx, teamId, incident.danger_to_others)))
      return { refused: await whyNotAvailable(tx, teamId, incident.danger_to_others) };

    const expiresAt = new Date(now.getTime() + this.config.dispatchOfferSeconds * 1000);
    const dispatch = await insertOffer(tx, { incidentId: incident.id, teamId, expiresAt, automatic });
    // NFPA 1225 processing time ends when the first unit is notified: the first offer, not the acceptance.
    const row = await transitionIncident(tx, incident.id, 'offer', {
      milestones: { first_dispatched_at: now.toISOString() },
    });
    if (!row) throw conflict('STATE_CHANGED', `Incident ${incident.number} is no longer open`);
    await scheduleTimer(tx, TIMER.offerExpiry, dispatch.id, expiresAt);

    const team = (await loadTeam(tx, teamId))!;
    await appendTimeline(tx, incident.id, 'dispatch.offered', {
      dispatchId: dispatch.id,
      teamId,
      callsign: team.callsign,
      automatic,
      expiresAt: expiresAt.toISOString(),
    });
    // Only that team's phones (and the control room) hear of the offer.
    return announceDispatch(tx, 'dispatch.offered', dispatch, incident, team, row, {
      milestone: 'dispatch-offered',
      action: 'dispatch.offered',
      details: { incidentId: incident.id, teamId, automatic },
    });
  }

  /**
   * Timer handler: an offer nobody answered. Fires once across instances (the runner claims the timer row); the
   * conditional update makes a late accept and the expiry exclusive. Categories A and B go on to the next team.
   */
  private async expire(tx: Tx, dispatchId: string): Promise<void> {
    const found = await loadDispatch(tx, dispatchId);
    if (!found || found.status !== 'offered') return;
    const incident = (await loadIncidentRow(tx, found.incident_id, true))!;
    const dispatch = await loadDispatch(tx, dispatchId, true);
    if (!dispatch || dispatch.status !== 'offered') return;
    const team = (await loadTeamRow(tx, dispatch.team_id))!;
    await this.endOffer(tx, incident, dispatch, 'expired', null);

    const reoffered = await this.reofferNext(tx, incident.id);
    const next = reoffered?.dispatch ?? null;
    const nextCallsign = reoffered?.callsign ?? null;
    const urgent = AUTO_REOFFER_CATEGORIES.has(incident.category);
    const message = next
      ? `Offer of ${incident.number} (category ${incident.category}) to ${team.callsign} expired unanswered; offered automatically to ${nextCallsign}`
      : `Offer of ${incident.number} (category ${incident.category}) to ${team.callsign} expired unanswered; ${urgent ? 'no other team available: dispatch manually' : 'offer it again'}`;
    // For coordinators only: the team that missed the offer learns of it from dispatch.updated.
    await alertOfferEnded(tx, 'offer-expired', incident, dispatch, { critical: urgent && !next, message });
    await appendTimeline(tx, incident.id, 'alert.offer-expired', {
      dispatchId: dispatch.id,
      teamId: team.id,
      reofferedTo: next?.teamId ?? null,
    });
  }

  /** Categories A and B: offers the (locked) incident to the best team that has not had it yet, if any. */
  private async reofferNext(tx: Tx, incidentId: string): Promise<{ dispatch: DispatchView; callsign: string } | null> {
    const current = (await loadIncidentRow(tx, incidentId))!;
    if (!AUTO_REOFFER_CATEGORIES.has(current.category) || current.status !== 'open') return null;
    for (const candidate of await this.recommendations.forReoffer(tx, current)) {
      const result = await this.attemptOffer(tx, current, candidate.teamId, true);
      if (!('refused' in result)) return { dispatch: result, callsign: candidate.callsign };
    }
    return null;
  }

  /** Ends an unanswered offer (declined, expired, withdrawn): the team is free again and the incident open again. */
  private async endOffer(
    tx: Tx,
    incident: IncidentRow,
    dispatch: DispatchRow,
    to: 'declined' | 'expired' | 'withdrawn',
    reason: string | null,
  ): Promise<DispatchRow> {
    const ended = await endDispatch(tx, dispatch.id, 'offered', to, reason);
    if (!ended) throw conflict('STATE_CHANGED', 'The offer was answered meanwhile');
    await cancelTimer(tx, TIMER.offerExpiry, dispatch.id);
    await releaseOfferedTeam(tx, dispatch.team_id);
    const team = (await loadTeamRow(tx, dispatch.team_id))!;
    const row = await transitionIncident(tx, incident.id, 'offer-ended');
    await appendTimeline(tx, incident.id, `dispatch.${to}`, {
      dispatchId: dispatch.id,
      teamId: team.id,
      callsign: team.callsign,
      ...(reason ? { reason } : {}),
    });
    tx.emit('dispatch.updated', toDispatchEvent(ended, incident));
    tx.emit('team.updated', toTeamEvent(toTeamView(team)));
    if (row) emitIncidentUpdated(tx, row, `dispatch-${to}`);
    return ended;
  }

  /** Loads an offer for its team's answer: 404, 403 for anyone but that team's responders, then locks in order. */
  private async answerable(
    tx: Tx,
    actor: Actor,
    dispatchId: string,
  ): Promise<{ incident: IncidentRow; dispatch: DispatchRow }> {
    const found = await loadDispatch(tx, dispatchId);
    if (!found) throw notFound('Dispatch');
    if (actor.role !== 'responder' || actor.teamId !== found.team_id)
      throw forbidden('Only responders of the offered team may answer this offer');
    await cancelTimer(tx, TIMER.offerExpiry, found.id); // undone with the rest if the answer is refused below
    const incident = (await loadIncidentRow(tx, found.incident_id, true))!;
    const dispatch = (await loadDispatch(tx, dispatchId, true))!;
    return { incident, dispatch };
  }
}

/** Tells the control room an offer ended unanswered and what happens next: one alert per offer, never to the team. */
async function alertOfferEnded(
  tx: Tx,
  kind: 'offer-declined' | 'offer-expired',
  incident: IncidentRow,
  dispatch: DispatchRow,
  a: { critical: boolean; message: string },
): Promise<void> {
  await raiseAlert(tx, {
    kind,
    severity: a.critical ? 'critical' : 'warning',
    message: a.message,
    incidentId: incident.id,
    teamId: dispatch.team_id,
    regionId: incident.region_id,
    location: { lat: incident.lat, lng: incident.lng },
    dedupeKey: `${kind}:${dispatch.id}`,
  });
}

function assertOpenOffer(d: DispatchRow, now: Date): void {
  if (d.status === 'expired' || d.status === 'withdrawn')
    throw conflict('OFFER_EXPIRED', `The offer was ${d.status}`, 'offer-expired');
  if (d.status !== 'offered') throw conflict('STATE_CHANGED', `The offer was already ${d.status}`, 'offer-answered');
  // The timer may not have fired yet; the deadline is the deadline.
  if (d.expires_at.getTime() <= now.getTime()) throw conflict('OFFER_EXPIRED', 'The offer expired', 'offer-expired');
}

function incidentNotOpen(i: IncidentRow): DomainError {
  if (isTerminal(i.status))
    return conflict('STATE_CHANGED', `Incident ${i.number} is ${i.status}`, 'incident-ended', { number: i.number });
  if (i.status === 'dispatching')
    return conflict('CONFLICT', `Incident ${i.number} already has an unanswered offer; withdraw it first`);
  return conflict('CONFLICT', `Incident ${i.number} already has a team (${i.status})`, 'incident-has-team', {
    number: i.number,
  });
}

async function whyNotAvailable(tx: Tx, teamId: string, dangerToOthers: boolean): Promise<DomainError> {
  const row = await loadTeamRow(tx, teamId);
  if (!row)
    return new DomainError('VALIDATION_FAILED', 'teamId: no such team', [{ field: 'teamId', message: 'no such team' }]);
  const view = toTeamView(row);
  if (!row.on_duty) return conflict('TEAM_NOT_AVAILABLE', `Team ${row.callsign} is off duty`);
  if (row.status !== 'available') return conflict('TEAM_NOT_AVAILABLE', `Team ${row.callsign} is ${view.status}`);
  if (dangerToOthers && row.size < 2)
    return conflict(
      'TEAM_NOT_AVAILABLE',
      `Team ${row.callsign} has one responder; danger to others needs at least two`,
    );
  return conflict('TEAM_NOT_AVAILABLE', `Team ${row.callsign} is not available`);
}
