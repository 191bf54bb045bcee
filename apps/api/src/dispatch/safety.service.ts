import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TIMER, type AlertView, type LatLng } from '#contracts';
import { CHECKIN_TEAM_STATUSES, isTerminal, needsCheckins } from '#dispatch';
import type { Actor } from '../common/actor.js';
import { APP_CONFIG } from '../common/tokens.js';
import type { AppConfig } from '../config/config.js';
import { conflict, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { raiseAlert } from '../alerts/alerts.js';
import { openAlertByKey } from '../alerts/alerts.repository.js';
import { openPoliceHandoff, requestHandoff } from '../handoffs/handoffs.repository.js';
import { appendTimeline, loadIncidentRow } from '../incidents/incidents.repository.js';
import { scheduleTimer, TimerRunner, type TimerRow } from '../timers/timer-runner.js';
import { recordCheckin } from '../teams/team-dispatch.repository.js';
import { loadTeamRow, setTeamLocation, teamPosition, toTeamEvent, toTeamView } from '../teams/teams.repository.js';
import { liveDispatchOfTeam } from './dispatch.repository.js';
import { nearestAgency } from './recommendations.service.js';

/**
 * The safety of teams in the field: check-ins while on scene, the panic button, and police assistance as one
 * action. Alerts go to the team's phones and the control room together.
 */
@Injectable()
export class SafetyService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timers.register(TIMER.checkin, (tx, timer) => this.checkinMissed(tx, timer));
  }

  /** POST /teams/:id/checkin: the team is safe; the next check-in is due CHECKIN_MINUTES from now. */
  checkin(actor: Actor, teamId: string): Promise<void> {
    if (actor.role !== 'responder' || actor.teamId !== teamId)
      throw forbidden("Only the team's own responders check in");
    return this.uow.run(actor, async (tx) => {
      if (!(await recordCheckin(tx, teamId, CHECKIN_TEAM_STATUSES))) {
        const exists = await loadTeamRow(tx, teamId);
        if (!exists) throw notFound('Team');
        throw conflict(
          'STATE_CHANGED',
          `Team ${exists.callsign} is ${exists.status}: check-ins are due only on scene or transporting`,
        );
      }
      await scheduleTimer(tx, TIMER.checkin, teamId, this.nextDue(tx));
      const live = await liveDispatchOfTeam(tx, teamId);
      if (live) await appendTimeline(tx, live.incident_id, 'team.checked-in', { teamId });
    });
  }

  /** POST /teams/:id/panic: the highest alert, with where the team is, to its phones and the control room. */
  panic(actor: Actor, teamId: string, location: LatLng | undefined): Promise<AlertView> {
    if (actor.role !== 'responder' || actor.teamId !== teamId)
      throw forbidden("Only the team's own responders raise its panic alarm");
    return this.uow.run(actor, async (tx) => {
      if (location) await setTeamLocation(tx, teamId, location);
      const team = await loadTeamRow(tx, teamId);
      if (!team) throw notFound('Team');
      if (location) tx.emit('team.updated', toTeamEvent(toTeamView(team)));
      const live = await liveDispatchOfTeam(tx, teamId);
      const incident = live ? await loadIncidentRow(tx, live.incident_id) : undefined;
      const at = location ?? teamPosition(team);
      // Never deduplicated: every press is news (a second press may carry a new position).
      const alert = (await raiseAlert(tx, {
        kind: 'panic',
        severity: 'critical',
        message: `PANIC: team ${team.callsign} needs help now${incident ? ` at ${incident.number}` : ''} (${at.lat.toFixed(5)}, ${at.lng.toFixed(5)})`,
        teamId,
        incidentId: incident?.id ?? null,
        regionId: incident?.region_id ?? team.region_id,
        location: at,
      }))!;
      if (incident) await appendTimeline(tx, incident.id, 'alert.panic', { alertId: alert.id, teamId, location: at });
      return alert;
    });
  }

  /**
   * POST /incidents/:id/police-assist: one action raises a critical alert and requests the police agency of the
   * incident's region (a handoff of kind police). Pressing it again while the request is open changes nothing.
   */
  policeAssist(actor: Actor, incidentId: string): Promise<AlertView> {
    return this.uow.run(actor, async (tx) => {
      const incident = await loadIncidentRow(tx, incidentId, true);
      if (!incident) throw notFound('Incident');
      if (actor.role === 'responder') {
        const live = await liveDispatchOfTeam(tx, actor.teamId ?? '');
        const onIt = incident.team_id === actor.teamId || live?.incident_id === incident.id;
        if (!onIt)
          throw forbidden('Only the team working this incident (or a coordinator) may request police assistance');
      }
      if (isTerminal(incident.status))
        throw conflict('STATE_CHANGED', `Incident ${incident.number} is ${incident.status}`);

      let handoff: { id: string; agency_id: string } | undefined = await openPoliceHandoff(tx, incident.id);
      if (!handoff) {
        const agency = await nearestAgency(tx, 'police', incident);
        if (agency) {
          const row = await requestHandoff(tx, incident, {
            agencyId: agency.id,
            kind: 'police',
            reason: `Police assistance requested from the scene by ${actor.username}`,
            answerMinutes: this.config.handoffAnswerMinutes,
          });
          if (row) handoff = { id: row.id, agency_id: row.agency_id };
        }
      }
      const team = incident.team_id ? await loadTeamRow(tx, incident.team_id) : undefined;
      const raised = await raiseAlert(tx, {
        kind: 'police-assist',
        severity: 'critical',
        // Names who asked (issue 13 item 7): the team and its member from the scene, or the control room user.
        message: `Police assistance requested at ${incident.number} by ${
          actor.role === 'responder' && team
            ? `team ${team.callsign} (${actor.username})`
            : `${actor.username} (${actor.role})`
        }${handoff ? '' : ': no police agency on record, call 112'}`,
        incidentId: incident.id,
        teamId: incident.team_id,
        regionId: incident.region_id,
        location: team ? teamPosition(team) : { lat: incident.lat, lng: incident.lng },
        dedupeKey: `police-assist:${incident.id}`,
      });
      if (raised) {
        await appendTimeline(tx, incident.id, 'alert.police-assist', {
          alertId: raised.id,
          handoffId: handoff?.id ?? null,
        });
        return raised;
      }
      return (await openAlertByKey(tx, `police-assist:${incident.id}`))!;
    });
  }

  /** Timer handler: a team on scene did not check in. Critical, and the next check-in is due again. */
  private async checkinMissed(tx: Tx, timer: TimerRow): Promise<void> {
    const team = await loadTeamRow(tx, timer.ref_id!);
    if (!team || !needsCheckins(team.status)) return;
    const live = await liveDispatchOfTeam(tx, team.id);
    const incident = live ? await loadIncidentRow(tx, live.incident_id) : undefined;
    const since = team.last_checkin_at
      ? Math.round((tx.now.getTime() - team.last_checkin_at.getTime()) / 60_000)
      : null;
    const alert = await raiseAlert(tx, {
      kind: 'checkin-missed',
      severity: 'critical',
      message: `Team ${team.callsign} missed its safety check-in${since !== null ? ` (last ${since} min ago)` : ''}${incident ? ` at ${incident.number}` : ''}`,
      teamId: team.id,
      incidentId: incident?.id ?? null,
      regionId: incident?.region_id ?? team.region_id,
      location: teamPosition(team),
      dedupeKey: `checkin-missed:${timer.id}`,
    });
    if (alert && incident)
      await appendTimeline(tx, incident.id, 'alert.checkin-missed', { alertId: alert.id, teamId: team.id });
    await scheduleTimer(tx, TIMER.checkin, team.id, this.nextDue(tx), timer.payload);
  }

  private nextDue(tx: Tx): Date {
    return new Date(tx.now.getTime() + this.config.checkinMinutes * 60_000);
  }
}
