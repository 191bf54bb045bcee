import { Injectable } from '@nestjs/common';
import type { AuditRowView, UnusualAccessReport } from '#contracts';
import type { Actor } from '../common/actor.js';
import { UnitOfWork } from '../database/tx.js';
import { findAuditRows, findUnusualReads, type AuditQuery } from './access-log.repository.js';

/**
 * The PIPA access-log review (reference/korea.md: reviewed monthly). Every query of the log is itself an audit row,
 * written in the transaction that reads, so a review cannot happen unrecorded. The person looked up is kept in the
 * details, not as the row's subject: reviewing who read a record is not reading the record.
 */
@Injectable()
export class AccessLogService {
  constructor(private readonly uow: UnitOfWork) {}

  query(actor: Actor, q: AuditQuery): Promise<AuditRowView[]> {
    return this.uow.read(actor, async (tx) => {
      const rows = await findAuditRows(tx, q);
      await tx.audit({
        action: 'audit.queried',
        entityType: 'audit',
        details: {
          subjectId: q.subjectId,
          actorId: q.actorId,
          from: q.from?.toISOString() ?? null,
          to: q.to?.toISOString() ?? null,
          limit: q.limit,
          returned: rows.length,
        },
      });
      return rows;
    });
  }

  unusual(actor: Actor, from: Date, to: Date, limit: number): Promise<UnusualAccessReport> {
    return this.uow.read(actor, async (tx) => {
      const rows = await findUnusualReads(tx, from, to, limit);
      await tx.audit({
        action: 'audit.unusual-queried',
        entityType: 'audit',
        details: { from: from.toISOString(), to: to.toISOString(), limit, returned: rows.length },
      });
      return { from: from.toISOString(), to: to.toISOString(), rows };
    });
  }
}
