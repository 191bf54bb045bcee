import { Injectable } from '@nestjs/common';
import type { IncidentView } from '#contracts';
import { isTerminal, nextIncidentStatus } from '#dispatch';
import type { Actor } from '../common/actor.js';
import { conflict, notFound, type DomainError } from '../common/errors.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import {
  appendTimeline,
  loadIncidentRow,
  toIncidentEvent,
  toIncidentView,
  type IncidentRow,
} from './incidents.repository.js';
import { resolveIncidentAlerts } from '../alerts/alerts.js';
import { loadTeamRow } from '../teams/teams.repository.js';
import { emitIncidentUpdated, transitionIncident } from './incident-transitions.js';
import { IncidentDispatchPort } from './incident-dispatch.port.js';
import { cancelIncidentTimers } from '../timers/timers.repository.js';
import { createFollowUpAfterClose } from '../followups/follow-up-tasks.js';

/**
 * The end of an incident: closed with a disposition, or cancelled with a reason. A live offer or a team still on
 * its way is released by the same transaction; a team on scene must clear first, so its times are recorded.
 */
@Injectable()
export class IncidentLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dispatch: IncidentDispatchPort,
  ) {}

  /** POST /incidents/:id/close {disposition} */
  close(actor: Actor, incidentId: string, disposition: string): Promise<IncidentView> {
    return this.uow.run(actor, (tx) => this.end(tx, incidentId, 'close', disposition));
  }

  /** POST /incidents/:id/cancel {reason} */
  cancel(actor: Actor, incidentId: string, reason: string): Promise<IncidentView> {
    return this.uow.run(actor, (tx) => this.end(tx, incidentId, 'cancel', reason));
  }

  private async end(tx: Tx, incidentId: string, trigger: 'close' | 'cancel', text: string): Promise<IncidentView> {
    // Timers first (lock order timer → incident → dispatch → team): the response clock and any offer's expiry.
    await cancelIncidentTimers(tx, incidentId);
    const incident = await loadIncidentRow(tx, incidentId, true);
    if (!incident) throw notFound('Incident');
    if (!nextIncidentStatus(incident.status, trigger)) throw await refusal(tx, incident, trigger);

    const releasedTeamId = await this.dispatch.releaseLive(
      tx,
      incident,
      trigger === 'close' ? 'incident closed' : 'incident cancelled',
    );

    const row = (await transitionIncident(tx, incident.id, trigger, {
      closed: { at: tx.now.toISOString(), disposition: text },
    }))!;
    const status = row.status;
    await appendTimeline(
      tx,
      incident.id,
      trigger === 'close' ? 'incident.closed' : 'incident.cancelled',
      trigger === 'close' ? { disposition: text } : { reason: text },
    );
    // The team that was released hears of it too.
    if (releasedTeamId) tx.emit('incident.updated', { ...toIncidentEvent(row, status), releasedTeamId });
    else emitIncidentUpdated(tx, row, status);
    // The incident's open alerts are resolved with it (acknowledged by whoever ended it), so none outlives its case.
    await resolveIncidentAlerts(tx, incident.id);
    await tx.audit({
      action: trigger === 'close' ? 'incident.closed' : 'incident.cancelled',
      entityType: 'incident',
      entityId: incident.id,
      subjectId: incident.client_id,
      details: { text },
    });
    if (trigger === 'close') await createFollowUpAfterClose(tx, row);
    return toIncidentView(row);
  }
}

// The reason and its params let the console word the refusal and offer the way out (clear the team first).
async function refusal(tx: Tx, incident: IncidentRow, trigger: 'close' | 'cancel'): Promise<DomainError> {
  const params = { number: incident.number };
  if (isTerminal(incident.status))
    return conflict(
      'STATE_CHANGED',
      `Incident ${incident.number} is already ${incident.status}`,
      'incident-ended',
      params,
    );
  if (incident.status === 'on-scene' && incident.team_id) {
    const team = await loadTeamRow(tx, incident.team_id);
    const message = `Team ${team?.callsign ?? ''} is still on scene at ${incident.number}; it must clear first`;
    return conflict('STATE_CHANGED', message.replace('Team  ', 'The team '), 'team-on-scene', {
      ...params,
      callsign: team?.callsign ?? '',
      teamId: incident.team_id,
    });
  }
  return conflict(
    'STATE_CHANGED',
    `Incident ${incident.number} is ${incident.status} and cannot be ${trigger === 'close' ? 'closed' : 'cancelled'}`,
  );
}
