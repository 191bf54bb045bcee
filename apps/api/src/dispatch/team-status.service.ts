import { Inject, Injectable } from '@nestjs/common';
import { TIMER, type RefusalReason, type TeamStatusRequest, type TeamView } from '#contracts';
import { checkTeamTransition, type TeamStatusActor, type TeamTransitionEffect } from '#dispatch';
import type { Actor } from '../common/actor.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { conflict, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import {
  appendTimeline,
  loadIncidentRow,
  toIncidentEvent,
  type IncidentRow,
} from '../incidents/incidents.repository.js';
import { cancelTimer, scheduleTimer } from '../timers/timer-runner.js';
import { loadTeamRow, setTeamLocation, toTeamEvent, toTeamView, type TeamRow } from '../teams/teams.repository.js';
import { applyTeamStatus } from '../teams/team-dispatch.repository.js';
import { endDispatch, liveDispatchOfTeam, toDispatchEvent, type DispatchRow } from './dispatch.repository.js';
import { emitIncidentUpdated, transitionIncident } from '../incidents/incident-transitions.js';
import { cancelSlaTimers } from '../incidents/sla-timers.js';

/** Timeline entry and incident.updated milestone of each effect that touches the incident. */
const MILESTONE: Partial<Record<TeamTransitionEffect, string>> = {
  arrive: 'on-scene',
  transport: 'transporting',
  clear: 'cleared',
  'stand-down': 'stood-down',
};

/**
 * POST /teams/:id/status: the team status machine of libs/dispatch applied with a conditional update, plus what
 * each change means for the incident (milestones, timeline, check-ins) in the same transaction.
 */
@Injectable()
export class TeamStatusService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  setStatus(actor: Actor, teamId: string, req: TeamStatusRequest): Promise<TeamView> {
    if (actor.role === 'responder' && actor.teamId !== teamId)
      throw forbidden("Only the team's own responders or a coordinator set its status");
    const by: TeamStatusActor = actor.role === 'responder' ? 'team' : 'coordinator';
    return this.uow.run(actor, async (tx) => {
      const before = await loadTeamRow(tx, teamId);
      if (!before) throw notFound('Team');
      const live = await liveDispatchOfTeam(tx, teamId);
      // Timers first (lock order timer → incident → dispatch → team): leaving the scene ends the check-ins.
      if (live && req.status === 'available') await cancelTimer(tx, TIMER.checkin, teamId);
      if (live && req.status === 'on-scene') await cancelSlaTimers(tx, live.incident_id);
      const incident = live ? await loadIncidentRow(tx, live.incident_id, true) : undefined;
      const team = (await loadTeamRow(tx, teamId, true))!;

      const check = checkTeamTransition(team.status, req.status, by);
      if (!check.ok && check.reason === 'unchanged') {
        // A repeated report (a retry from a phone with a poor signal) changes nothing but may carry a position.
        if (req.location) await this.moveTo(tx, team, req.location);
        return toTeamView((await loadTeamRow(tx, teamId))!);
      }
      if (!check.ok) {
        const why = refusal(team, req.status, check.reason, by);
        throw conflict('STATE_CHANGED', why.message, why.reason, { callsign: team.callsign, status: team.status });
      }

      const effect = check.transition.effect;
      if (!(await applyTeamStatus(tx, teamId, team.status, req.status, req.location)))
        throw conflict('STATE_CHANGED', `Team ${team.callsign} changed status meanwhile`);
      const after = (await loadTeamRow(tx, teamId))!;

      if (live?.status === 'accepted' && incident) await this.applyToIncident(tx, effect, after, live, incident);
      tx.emit('team.updated', toTeamEvent(toTeamView(after)));
      await tx.audit({
        action: 'team.status-changed',
        entityType: 'team',
        entityId: teamId,
        details: { from: team.status, to: req.status, incidentId: live?.incident_id ?? null },
      });
      return toTeamView(after);
    });
  }

  private async applyToIncident(
    tx: Tx,
    effect: TeamTransitionEffect,
    team: TeamRow,
    dispatch: DispatchRow,
    incident: IncidentRow,
  ): Promise<void> {
    const now = tx.now.toISOString();
    const who = { teamId: team.id, callsign: team.callsign };
    let row: IncidentRow | undefined;
    switch (effect) {
      case 'arrive':
        row = await transitionIncident(tx, incident.id, 'arrive', { milestones: { on_scene_at: now } });
        // Safety check-ins start on arrival; the arrival itself counts as the first one.
        await scheduleTimer(
          tx,
          TIMER.checkin,
          team.id,
          new Date(tx.now.getTime() + this.config.checkinMinutes * 60_000),
          { incidentId: incident.id },
        );
        await appendTimeline(tx, incident.id, 'team.on-scene', who);
        break;
      case 'transport':
        await appendTimeline(tx, incident.id, 'team.transporting', who);
        break;
      case 'clear': {
        const cleared = (await endDispatch(tx, dispatch.id, 'accepted', 'cleared', null))!;
        tx.emit('dispatch.updated', toDispatchEvent(cleared, incident));
        row = await transitionIncident(tx, incident.id, 'clear', { milestones: { cleared_at: now } });
        await appendTimeline(tx, incident.id, 'team.cleared', who);
        break;
      }
      case 'stand-down': {
        const reason =
          team.status === 'unavailable' ? 'team out of service on the way' : 'stood down by the control room';
        const withdrawn = (await endDispatch(tx, dispatch.id, 'accepted', 'withdrawn', reason))!;
        tx.emit('dispatch.updated', toDispatchEvent(withdrawn, incident));
        // Back to open so it is offered again; the team that left is no longer the incident's team.
        row = await transitionIncident(tx, incident.id, 'stand-down', { teamId: null });
        await appendTimeline(tx, incident.id, 'dispatch.withdrawn', { ...who, dispatchId: dispatch.id, reason });
        break;
      }
      // The offer's own edges change the incident in offers.service; going in and out of service touches none.
      case 'offer':
      case 'offer-ended':
      case 'accept':
      case 'go-unavailable':
      case 'go-available':
        return;
    }
    const milestone = MILESTONE[effect];
    const current = row ?? (await loadIncidentRow(tx, incident.id))!;
    // The team that just stood down is told too, although the incident no longer names it.
    if (effect === 'stand-down')
      tx.emit('incident.updated', { ...toIncidentEvent(current, milestone), releasedTeamId: team.id });
    else emitIncidentUpdated(tx, current, milestone);
  }

  private async moveTo(tx: Tx, team: TeamRow, at: { lat: number; lng: number }): Promise<void> {
    await setTeamLocation(tx, team.id, at);
    tx.emit('team.updated', toTeamEvent(toTeamView((await loadTeamRow(tx, team.id))!)));
  }
}

function refusal(
  team: TeamRow,
  to: string,
  reason: 'illegal' | 'not-allowed',
  by: TeamStatusActor,
): { message: string; reason: RefusalReason } {
  const base = `Team ${team.callsign} cannot go from ${team.status} to ${to}`;
  if (team.status === 'offered')
    return { message: `${base}: answer the offer (accept or decline) instead`, reason: 'status-answer-offer' };
  if (to === 'en-route')
    return { message: `${base}: a team goes en route by accepting an offer`, reason: 'status-accept-instead' };
  if (reason === 'not-allowed' && by === 'team')
    return { message: `${base}: only the control room may do that`, reason: 'status-control-room-only' };
  if (team.status === 'on-scene' || team.status === 'transporting')
    return { message: `${base}: clear the incident first (status available)`, reason: 'status-clear-first' };
  return { message: base, reason: 'status-illegal' };
}
