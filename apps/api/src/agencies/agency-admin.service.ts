import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyAdminView, PatchAgencyRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { requireRegions } from '../teams/teams.repository.js';
import { listAgenciesForAdmin, updateAgency } from './agency-admin.repository.js';

/** The admin's agency editor: the list with contact and webhook URL, and PATCH /agencies/:id. */
@Injectable()
export class AgencyAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  list(): Promise<AgencyAdminView[]> {
    return listAgenciesForAdmin(
      async <T>(sql: string, params: unknown[] = []) => await this.ds.query<T[]>(sql, params),
    );
  }

  update(actor: Actor, id: string, req: PatchAgencyRequest): Promise<AgencyAdminView> {
    return this.uow.run(actor, async (tx) => {
      await requireRegions(tx, req.regionIds ?? [], 'regionIds');
      const agency = await updateAgency(tx, id, req);
      if (!agency) throw notFound('Agency');
      // The field names only: a contact line or a URL may carry a person's number or a token.
      await tx.audit({
        action: 'agency.update',
        entityType: 'agency',
        entityId: id,
        details: { fields: Object.keys(req) },
      });
      return agency;
    });
  }
}
