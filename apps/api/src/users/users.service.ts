import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, Role, UpdateUserRequest, UserAdminView, UserView } from '#contracts';
import { agencyExists } from '../agencies/agencies.repository.js';
import type { Actor } from '../common/actor.js';
import { DomainError, notFound } from '../common/errors.js';
import { Db } from '../database/db.js';
import { type Tx, UnitOfWork } from '../database/tx.js';
import { hashPassword } from '../auth/passwords.js';
import { SessionService } from '../auth/sessions.js';
import { teamExists } from '../teams/teams.repository.js';
import {
  adminUser,
  insertUser,
  listUsers,
  lockUser,
  setPassword,
  toUserAdminView,
  toUserView,
  updateUser,
} from './users.repository.js';

const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionService,
  ) {}

  async create(actor: Actor, req: CreateUserRequest): Promise<UserView> {
    const passwordHash = await hashPassword(req.password);
    return this.uow.run(actor, async (tx) => {
      await this.assertBindingsExist(tx, req.teamId ?? null, req.agencyId ?? null);
      const row = await insertUser(tx, { ...req, passwordHash });
      if (!row)
        throw new DomainError('DUPLICATE', `Username ${req.username} is taken`, [
          { field: 'username', message: 'already taken' },
        ]);
      await tx.audit({ action: 'user.created', entityType: 'user', entityId: row.id, details: { role: row.role } });
      return toUserView(row);
    });
  }

  async list(): Promise<UserAdminView[]> {
    return (await listUsers(this.db)).map(toUserAdminView);
  }

  /**
   * Partial update. Deactivation, or a change of role, team or agency (which the user's tokens carry as claims),
   * ends every session of the user in the same transaction, so old tokens are refused and sockets close at once.
   */
  async update(actor: Actor, id: string, req: UpdateUserRequest): Promise<UserAdminView> {
    return this.uow.run(actor, async (tx) => {
      const row = await lockUser(tx, id);
      if (!row) throw notFound('User');
      const role: Role = req.role ?? row.role;
      // A binding that no longer fits the role is dropped unless the request names one.
      const teamId = req.teamId !== undefined ? req.teamId : role === 'responder' ? row.team_id : null;
      const agencyId = req.agencyId !== undefined ? req.agencyId : role === 'agency' ? row.agency_id : null;
      if (role === 'responder' && !teamId) throw invalid('teamId', 'a responder must belong to a team');
      if (role !== 'responder' && teamId) throw invalid('teamId', 'only responders belong to a team');
      if (role === 'agency' && !agencyId) throw invalid('agencyId', 'an agency user must belong to an agency');
      if (role !== 'agency' && agencyId) throw invalid('agencyId', 'only agency users belong to an agency');
      await this.assertBindingsExist(tx, teamId, agencyId);
      const active = req.active ?? row.active;
      // The acting admin always remains, so the centre can never lock itself out of its own administration.
      if (id === actor.userId && (!active || role !== row.role)) {
        throw new DomainError('CONFLICT', 'You cannot deactivate your own account or change your own role');
      }
      const next = { displayName: req.displayName ?? row.display_name, role, teamId, agencyId, active };
      await updateUser(tx, id, next);
      const changed = Object.entries({
        displayName: row.display_name,
        role: row.role,
        teamId: row.team_id,
        agencyId: row.agency_id,
        active: row.active,
      })
        .filter(([k, v]) => next[k as keyof typeof next] !== v)
        .map(([k]) => k);
      if (row.active && !active) await this.sessions.endAll(tx, id, 'deactivated');
      else if (role !== row.role || teamId !== row.team_id || agencyId !== row.agency_id)
        await this.sessions.endAll(tx, id, 'role-change');
      await tx.audit({ action: 'user.updated', entityType: 'user', entityId: id, details: { changed, role, active } });
      return toUserAdminView((await adminUser(tx, id))!);
    });
  }

  /** An admin sets a new password; every session of the user ends (its tokens stop working, sockets close). */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.uow.run(actor, async (tx) => {
      if (!(await setPassword(tx, id, hash))) throw notFound('User');
      await this.sessions.endAll(tx, id, 'password-reset');
      await tx.audit({ action: 'user.password-reset', entityType: 'user', entityId: id });
    });
  }

  private async assertBindingsExist(tx: Tx, teamId: string | null, agencyId: string | null): Promise<void> {
    if (teamId && !(await teamExists(tx, teamId))) throw invalid('teamId', 'no such team');
    if (agencyId && !(await agencyExists(tx, agencyId))) throw invalid('agencyId', 'no such agency');
  }
}
