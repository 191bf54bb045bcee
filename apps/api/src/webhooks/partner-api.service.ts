import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { HandoffView, PartnerAnswerRequest } from '#contracts';
import { SYSTEM_ACTOR, type Actor } from '../common/actor.js';
import { UnitOfWork } from '../database/tx.js';
import { HandoffsService } from '../handoffs/handoffs.service.js';
import { handoffAgencySecret } from './webhooks.repository.js';
import { verifyWebhook } from './signing.js';

export interface VerifiedAgency {
  agencyId: string;
  code: string;
}

@Injectable()
export class PartnerApiService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly handoffs: HandoffsService,
  ) {}

  /** The agency the handoff is addressed to, when the request carries its valid signature; otherwise null. */
  async verify(handoffId: string, rawBody: Buffer, headers: IncomingHttpHeaders): Promise<VerifiedAgency | null> {
    // An unknown handoff answers like a bad signature, so an unsigned caller learns nothing about which ids exist.
    const row = await this.uow.run(SYSTEM_ACTOR, (tx) => handoffAgencySecret(tx, handoffId));
    if (!row?.webhook_secret) return null;
    return verifyWebhook(row.webhook_secret, rawBody, headers) ? { agencyId: row.agency_id, code: row.code } : null;
  }

  /** The same answer a person of that agency gives in the portal, recorded with the partner system as its actor. */
  answer(
    agency: VerifiedAgency,
    handoffId: string,
    body: PartnerAnswerRequest,
    from: { ip: string | null; userAgent: string | null },
  ): Promise<HandoffView> {
    const actor: Actor = {
      userId: null,
      username: `partner-api:${agency.code}`,
      role: 'agency',
      agencyId: agency.agencyId,
      ...from,
    };
    switch (body.action) {
      case 'accept':
        return this.handoffs.respond(actor, handoffId, 'accept');
      case 'decline':
        return this.handoffs.respond(actor, handoffId, 'decline', {
          reasonCode: body.reasonCode,
          ...(body.reasonText ? { reasonText: body.reasonText } : {}),
        });
      case 'complete':
        return this.handoffs.respond(actor, handoffId, 'complete');
      case 'contact-confirmed':
        return this.handoffs.confirmContact(actor, handoffId);
    }
  }
}
