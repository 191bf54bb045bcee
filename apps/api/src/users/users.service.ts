import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, UserView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { hashPassword } from '../auth/passwords.js';
import { insertUser, toUserView } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(actor: Actor, req: CreateUserRequest): Promise<UserView> {
    const passwordHash = await hashPassword(req.password);
    return this.uow.run(actor, async (tx) => {
      if (req.teamId && !(await tx.one(`SELECT 1 FROM team WHERE id = $1`, [req.teamId]))) {
        throw new DomainError('VALIDATION_FAILED', 'teamId: no such team', [{ field: 'teamId', message: 'no such team' }]);
      }
      if (req.agencyId && !(await tx.one(`SELECT 1 FROM agency WHERE id = $1`, [req.agencyId]))) {
        throw new DomainError('VALIDATION_FAILED', 'agencyId: no such agency', [{ field: 'agencyId', message: 'no such agency' }]);
      }
      const row = await insertUser(tx, { ...req, passwordHash });
      if (!row) throw new DomainError('DUPLICATE', `Username ${req.username} is taken`, [{ field: 'username', message: 'already taken' }]);
      await tx.audit({ action: 'user.create', entityType: 'user', entityId: row.id, details: { role: row.role } });
      return toUserView(row);
    });
  }
}
