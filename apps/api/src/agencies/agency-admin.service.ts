import { Injectable } from '@nestjs/common';
import type { AgencyAdminView, PatchAgencyRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { notFound } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { requireRegions } from '../regions/regions.repository.js';
import { listAgenciesForAdmin, updateAgency } from './agencies.repository.js';

/** The admin's agency editor: the list with contact and webhook URL, and PATCH /agencies/:id. */
@Injectable()
export class AgencyAdminService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  list(): Promise<AgencyAdminView[]> {
    return listAgenciesForAdmin(this.db);
  }

  update(actor: Actor, id: string, req: PatchAgencyRequest): Promise<AgencyAdminView> {
    return this.uow.run(actor, async (tx) => {
      await requireRegions(tx, req.regionIds ?? [], 'regionIds');
      const agency = await updateAgency(tx, id, req);
      if (!agency) throw notFound('Agency');
      // The field names only: a contact line or a URL may carry a person's number or a token.
      await tx.audit({
        action: 'agency.updated',
        entityType: 'agency',
        entityId: id,
        details: { fields: Object.keys(req) },
      });
      return agency;
    });
  }
}
