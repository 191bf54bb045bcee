import { Injectable } from '@nestjs/common';
import type { DispatchView } from '#contracts';
import { conflict } from '../common/errors.js';
import type { Tx } from '../database/tx.js';
import { IncidentDispatchPort } from '../incidents/incident-dispatch.port.js';
import { appendTimeline, type IncidentRow } from '../incidents/incidents.repository.js';
import { loadTeamRow, toTeamEvent, toTeamView } from '../teams/teams.repository.js';
import { releaseTeamFrom } from '../teams/team-dispatch.repository.js';
import {
  dispatchesOfIncident,
  endDispatch,
  liveDispatchOfIncident,
  toDispatchEvent,
  toDispatchHistoryView,
} from './dispatch.repository.js';

/** What incidents ask of dispatch (incidents/incident-dispatch.port.ts), answered with the dispatch table. */
@Injectable()
export class DispatchForIncidents extends IncidentDispatchPort {
  async history(tx: Tx, incidentId: string): Promise<DispatchView[]> {
    return (await dispatchesOfIncident(tx, incidentId)).map(toDispatchHistoryView);
  }

  async releaseLive(tx: Tx, incident: IncidentRow, reason: string): Promise<string | null> {
    const live = await liveDispatchOfIncident(tx, incident.id, true);
    if (!live) return null;
    const team = (await loadTeamRow(tx, live.team_id, true))!;
    const teamFrom = live.status === 'offered' ? 'offered' : 'en-route';
    if (team.status !== teamFrom)
      throw conflict(
        'STATE_CHANGED',
        `Team ${team.callsign} is ${team.status}; it must clear first`,
        'team-must-clear',
        {
          callsign: team.callsign,
          teamId: team.id,
        },
      );
    const withdrawn = (await endDispatch(tx, live.id, live.status, 'withdrawn', reason))!;
    await releaseTeamFrom(tx, team.id, teamFrom);
    await appendTimeline(tx, incident.id, 'dispatch.withdrawn', {
      dispatchId: live.id,
      teamId: team.id,
      callsign: team.callsign,
      reason,
    });
    tx.emit('dispatch.updated', toDispatchEvent(withdrawn, incident));
    tx.emit('team.updated', toTeamEvent(toTeamView((await loadTeamRow(tx, team.id))!)));
    return team.id;
  }
}
