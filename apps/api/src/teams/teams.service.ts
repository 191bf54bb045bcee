import { Injectable } from '@nestjs/common';
import type { CreateTeamRequest, LatLng, PatchTeamRequest, TeamView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError, forbidden, notFound } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { requireKnownSkills } from '../skills/skills.service.js';
import { requireRegions } from '../regions/regions.repository.js';
import {
  insertTeam,
  listTeams,
  loadTeam,
  loadTeamRow,
  setTeamLocation,
  toTeamEvent,
  updateTeam,
} from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  list(): Promise<TeamView[]> {
    return listTeams(this.db);
  }

  create(actor: Actor, req: CreateTeamRequest): Promise<TeamView> {
    return this.uow.run(actor, async (tx) => {
      await requireRegions(tx, [req.regionId], 'regionId');
      await requireRegions(tx, req.coveredRegionIds ?? [], 'coveredRegionIds');
      await requireKnownSkills(tx, req.skills);
      const row = await insertTeam(tx, req);
      if (!row)
        throw new DomainError('DUPLICATE', `Callsign ${req.callsign} exists`, [
          { field: 'callsign', message: 'already exists' },
        ]);
      const team = (await loadTeam(tx, row.id))!;
      await tx.audit({
        action: 'team.created',
        entityType: 'team',
        entityId: team.id,
        details: { callsign: team.callsign },
      });
      tx.emit('team.updated', toTeamEvent(team));
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
        action: 'team.updated',
        entityType: 'team',
        entityId: id,
        details: { fields: Object.keys(req) },
      });
      tx.emit('team.updated', toTeamEvent(team));
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
      tx.emit('team.updated', toTeamEvent(team));
    });
  }
}
