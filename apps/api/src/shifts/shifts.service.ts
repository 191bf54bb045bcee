import { Injectable } from '@nestjs/common';
import type {
  CreateShiftBatchRequest,
  CreateShiftRequest,
  ListShiftsQuery,
  ShiftBatchResult,
  ShiftView,
} from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork, type Tx } from '../database/tx.js';
import { loadTeam, toTeamEvent } from '../teams/teams.repository.js';
import { deleteShift, insertShifts, listShifts, missingTeams, type ShiftInput } from './shifts.repository.js';

const overlap = (): DomainError => new DomainError('CONFLICT', 'The shift overlaps another shift of the same team');

/** The roster: shifts of teams (a team is on duty inside one). Overlaps of one team are refused by the database. */
@Injectable()
export class ShiftsService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  list(q: ListShiftsQuery): Promise<ShiftView[]> {
    return listShifts(this.db, q);
  }

  create(actor: Actor, req: CreateShiftRequest): Promise<ShiftView> {
    return this.uow.run(actor, async (tx) => {
      await this.requireTeams(tx, [req], () => 'teamId');
      const [created] = await insertShifts(tx, [req]);
      if (!created) throw overlap();
      await this.recorded(tx, [created], 'shift.created');
      return created;
    });
  }

  createBatch(actor: Actor, req: CreateShiftBatchRequest): Promise<ShiftBatchResult> {
    return this.uow.run(actor, async (tx) => {
      await this.requireTeams(tx, req.shifts, (i) => `shifts[${i}].teamId`);
      const created = await insertShifts(tx, req.shifts);
      const skipped = req.shifts.length - created.length;
      // All or nothing unless told otherwise: throwing rolls back the shifts already inserted.
      if (skipped > 0 && !req.skipConflicts) throw overlap();
      await this.recorded(tx, created, 'shift.created');
      return { created, skipped };
    });
  }

  remove(actor: Actor, id: string): Promise<void> {
    return this.uow.run(actor, async (tx) => {
      const removed = await deleteShift(tx, id);
      if (!removed) throw notFound('Shift');
      await this.recorded(tx, [removed], 'shift.deleted');
    });
  }

  private async requireTeams(tx: Tx, shifts: readonly ShiftInput[], field: (index: number) => string): Promise<void> {
    const missing = new Set(
      await missingTeams(
        tx,
        shifts.map((s) => s.teamId),
      ),
    );
    if (!missing.size) return;
    const details = shifts.flatMap((s, i) =>
      missing.has(s.teamId) ? [{ field: field(i), message: 'no such team' }] : [],
    );
    throw new DomainError('VALIDATION_FAILED', `${details[0]!.field}: no such team`, details);
  }

  /** One audit row per shift; one team.updated per team, since its duty flag may have flipped. */
  private async recorded(
    tx: Tx,
    shifts: readonly ShiftView[],
    action: 'shift.created' | 'shift.deleted',
  ): Promise<void> {
    for (const s of shifts) {
      await tx.audit({
        action,
        entityType: 'shift',
        entityId: s.id,
        details: { teamId: s.teamId, startsAt: s.startsAt, endsAt: s.endsAt },
      });
    }
    for (const teamId of new Set(shifts.map((s) => s.teamId))) {
      const team = await loadTeam(tx, teamId);
      if (team) tx.emit('team.updated', toTeamEvent(team));
    }
  }
}
