import { Injectable } from '@nestjs/common';
import type { AgencyCreatedView, AgencyKind, AgencyView, CreateAgencyRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { requireRegions } from '../regions/regions.repository.js';
import { newWebhookSecret } from '../webhooks/signing.js';
import { insertAgency, listAgencies, toAgencyView } from './agencies.repository.js';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  list(kind?: AgencyKind): Promise<AgencyView[]> {
    return listAgencies(this.db, kind ?? null);
  }

  /** With a webhook URL the answer carries the signing secret: the only time it is shown. */
  create(actor: Actor, req: CreateAgencyRequest): Promise<AgencyCreatedView> {
    return this.uow.run(actor, async (tx) => {
      await requireRegions(tx, req.regionIds, 'regionIds');
      const webhookSecret = req.webhookUrl ? newWebhookSecret() : null;
      const row = await insertAgency(tx, req, webhookSecret);
      if (!row)
        throw new DomainError('DUPLICATE', `Agency code ${req.code} exists`, [
          { field: 'code', message: 'already exists' },
        ]);
      await tx.audit({
        action: 'agency.created',
        entityType: 'agency',
        entityId: row.id,
        details: { kind: row.kind, webhook: webhookSecret !== null },
      });
      return webhookSecret ? { ...toAgencyView(row), webhookSecret } : toAgencyView(row);
    });
  }
}
