import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DispatchStatus, DispatchView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { forbidden } from '../common/errors.js';
import type { IncidentRow } from '../incidents/incidents.repository.js';
import { toDispatchView, type DispatchRow } from './dispatch.repository.js';

type Row = DispatchRow & Pick<IncidentRow, 'number' | 'category' | 'lat' | 'lng' | 'address'>;

/** Read side of dispatches: a team's phone finds its current offer; the control room lists an incident's history. */
@Injectable()
export class DispatchQueriesService {
  constructor(private readonly ds: DataSource) {}

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
    const rows = await this.ds.query<Row[]>(
      `SELECT d.*, i.number, i.category, i.lat, i.lng, i.address
       FROM dispatch d JOIN incident i ON i.id = d.incident_id
       WHERE ($1::uuid IS NULL OR d.team_id = $1) AND ($2::uuid IS NULL OR d.incident_id = $2)
         AND ($3::text[] IS NULL OR d.status = ANY($3::text[]))
       ORDER BY d.offered_at DESC LIMIT 200`,
      [teamId ?? null, q.incidentId ?? null, q.status ?? null],
    );
    return rows.map((r) => toDispatchView(r, r));
  }
}
