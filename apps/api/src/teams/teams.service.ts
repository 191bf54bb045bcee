import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateShiftRequest, CreateTeamRequest, LatLng, TeamView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { audience } from '../realtime/audience.js';
import { loadTeam, setTeamLocation, TEAM_SELECT, toTeamEvent, toTeamView, type TeamRow } from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<TeamView[]> {
    const rows = (await this.ds.query(`${TEAM_SELECT} ORDER BY t.callsign`)) as TeamRow[];
    return rows.map(toTeamView);
  }

  create(actor: Actor, req: CreateTeamRequest): Promise<TeamView> {
    return this.uow.run(actor, async (tx) => {
      const regionIds = [req.regionId, ...(req.coveredRegionIds ?? [])];
      const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM region WHERE id = ANY($1::uuid[])`, [regionIds]);
      if (n !== new Set(regionIds).size) {
        throw new DomainError('VALIDATION_FAILED', 'Unknown region', [{ field: req.coveredRegionIds ? 'coveredRegionIds' : 'regionId', message: 'no such region' }]);
      }
      const row = await tx.one<{ id: string }>(
        `INSERT INTO team (callsign, region_id, covered_region_ids, base_lat, base_lng, skills, size)
         VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (callsign) DO NOTHING RETURNING id`,
        [req.callsign, req.regionId, req.coveredRegionIds ?? [], req.base.lat, req.base.lng, req.skills, req.size],
      );
      if (!row) throw new DomainError('DUPLICATE', `Callsign ${req.callsign} exists`, [{ field: 'callsign', message: 'already exists' }]);
      const team = (await loadTeam(tx, row.id))!;
      await tx.audit({ action: 'team.create', entityType: 'team', entityId: team.id, details: { callsign: team.callsign } });
      tx.emit('team.updated', toTeamEvent(team), audience.team(team.id));
      return team;
    });
  }

  addShift(actor: Actor, req: CreateShiftRequest): Promise<{ id: string; teamId: string; startsAt: string; endsAt: string }> {
    return this.uow.run(actor, async (tx) => {
      if (!(await tx.one(`SELECT 1 FROM team WHERE id = $1`, [req.teamId]))) {
        throw new DomainError('VALIDATION_FAILED', 'teamId: no such team', [{ field: 'teamId', message: 'no such team' }]);
      }
      const row = (await tx.one<{ id: string; starts_at: Date; ends_at: Date }>(
        `INSERT INTO shift (team_id, starts_at, ends_at) VALUES ($1,$2,$3) RETURNING id, starts_at, ends_at`,
        [req.teamId, req.startsAt, req.endsAt],
      ))!;
      await tx.audit({ action: 'shift.create', entityType: 'shift', entityId: row.id, details: { teamId: req.teamId } });
      const team = (await loadTeam(tx, req.teamId))!;
      // The duty flag may have flipped now; boards learn it from the event rather than a poll.
      tx.emit('team.updated', toTeamEvent(team), audience.team(team.id));
      return { id: row.id, teamId: req.teamId, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString() };
    });
  }

  /** A team phone's position report. Only members of that team may report it. */
  reportLocation(actor: Actor, teamId: string, at: LatLng): Promise<void> {
    if (actor.role !== 'responder' || actor.teamId !== teamId) throw forbidden('Only the team\'s own responders report its location');
    return this.uow.run(actor, async (tx) => {
      if (!(await setTeamLocation(tx, teamId, at))) throw notFound('Team');
      const team = (await loadTeam(tx, teamId))!;
      // Positions are high-frequency and not a person's record: an event, but no audit row per fix.
      tx.emit('team.updated', toTeamEvent(team), audience.team(teamId));
    });
  }
}
