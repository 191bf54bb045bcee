import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateTeamRequest, LatLng, PatchTeamRequest, TeamView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { audience } from '../realtime/audience.js';
import { requireKnownSkills } from '../skills/skills.service.js';
import {
  loadTeam,
  loadTeamRow,
  requireRegions,
  setTeamLocation,
  TEAM_SELECT,
  toTeamEvent,
  toTeamView,
  updateTeam,
  type TeamRow,
} from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<TeamView[]> {
    const rows = await this.ds.query<TeamRow[]>(`${TEAM_SELECT} ORDER BY t.callsign`);
    return rows.map(toTeamView);
  }

  create(actor: Actor, req: CreateTeamRequest): Promise<TeamView> {
    return this.uow.run(actor, async (tx) => {
      await requireRegions(tx, [req.regionId], 'regionId');
      await requireRegions(tx, req.coveredRegionIds ?? [], 'coveredRegionIds');
      await requireKnownSkills(tx, req.skills);
      const row = await tx.one<{ id: string }>(
        `INSERT INTO team (callsign, region_id, covered_region_ids, base_lat, base_lng, skills, size)
         VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (callsign) DO NOTHING RETURNING id`,
        [req.callsign, req.regionId, req.coveredRegionIds ?? [], req.base.lat, req.base.lng, req.skills, req.size],
      );
      if (!row)
        throw new DomainError('DUPLICATE', `Callsign ${req.callsign} exists`, [
          { field: 'callsign', message: 'already exists' },
        ]);
      const team = (await loadTeam(tx, row.id))!;
      await tx.audit({
        action: 'team.create',
        entityType: 'team',
        entityId: team.id,
        details: { callsign: team.callsign },
      });
      tx.emit('team.updated', toTeamEvent(team), audience.team(team.id));
      return team;
    });
  }

  /** PATCH /teams/:id: the fields given replace the stored ones; skills and regions are checked in the same transaction. */
  update(actor: Actor, id: string, req: PatchTeamRequest): Promise<TeamView> {
    return this.uow.run(actor, async (tx) => {
      if (!(await loadTeamRow(tx, id, true))) throw notFound('Team');
      await requireRegions(tx, req.regionId ? [req.regionId] : [], 'regionId');
      await requireRegions(tx, req.coveredRegionIds ?? [], 'coveredRegionIds');
      if (req.skills) await requireKnownSkills(tx, req.skills);
      if (!(await updateTeam(tx, id, req)))
        throw new DomainError('DUPLICATE', `Callsign ${req.callsign ?? ''} exists`, [
          { field: 'callsign', message: 'already exists' },
        ]);
      const team = (await loadTeam(tx, id))!;
      await tx.audit({
        action: 'team.update',
        entityType: 'team',
        entityId: id,
        details: { fields: Object.keys(req) },
      });
      tx.emit('team.updated', toTeamEvent(team), audience.team(id));
      return team;
    });
  }

  /** A team phone's position report. Only members of that team may report it. */
  reportLocation(actor: Actor, teamId: string, at: LatLng): Promise<void> {
    if (actor.role !== 'responder' || actor.teamId !== teamId)
      throw forbidden("Only the team's own responders report its location");
    return this.uow.run(actor, async (tx) => {
      if (!(await setTeamLocation(tx, teamId, at))) throw notFound('Team');
      const team = (await loadTeam(tx, teamId))!;
      // Positions are high-frequency and not a person's record: an event, but no audit row per fix.
      tx.emit('team.updated', toTeamEvent(team), audience.team(teamId));
    });
  }
}
