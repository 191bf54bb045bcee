import { Injectable } from '@nestjs/common';
import type { DispatchStatus, DispatchView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { forbidden } from '../common/errors.js';
import { listDispatches, toDispatchView } from './dispatch.repository.js';
import { Db } from '../database/db.js';

/** Read side of dispatches: a team's phone finds its current offer; the control room lists an incident's history. */
@Injectable()
export class DispatchQueriesService {
  constructor(private readonly db: Db) {}

  /** GET /dispatches?teamId=&incidentId=&status= (newest first, at most 200). Responders see their own team only. */
  async list(
    actor: Actor,
    q: { teamId?: string; incidentId?: string; status?: DispatchStatus[] },
  ): Promise<DispatchView[]> {
    let teamId = q.teamId;
    if (actor.role === 'responder') {
      if (teamId && teamId !== actor.teamId) throw forbidden("Responders see only their own team's dispatches");
      teamId = actor.teamId;
    }
    const rows = await listDispatches(this.db, {
      teamId: teamId ?? null,
      incidentId: q.incidentId ?? null,
      statuses: q.status ?? null,
    });
    return rows.map((r) => toDispatchView(r, r));
  }
}
