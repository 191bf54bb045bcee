import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuditRowView, UnusualAccessReport } from '#contracts';
import { CurrentActor, Roles } from '../auth/decorators.js';
import type { Actor } from '../common/actor.js';
import { validationFailed } from '../common/errors.js';
import { parseOrThrow } from '../common/validation.js';
import { AccessLogService } from './access-log.service.js';

export const DEFAULT_AUDIT_LIMIT = 200;
export const MAX_AUDIT_LIMIT = 1000;
/** The unusual-access list defaults to the last 31 days: the monthly review. */
const REVIEW_DAYS = 31;

const period = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_LIMIT).default(DEFAULT_AUDIT_LIMIT),
};
const auditQuerySchema = z.strictObject({ subjectId: z.uuid().optional(), actorId: z.uuid().optional(), ...period });
const unusualQuerySchema = z.strictObject(period);

function ordered(from: Date | null, to: Date | null): void {
  if (from && to && from.getTime() >= to.getTime())
    throw validationFailed([{ field: 'from', message: 'must be before to' }]);
}

@ApiTags('access log')
@ApiBearerAuth()
@Controller('audit')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Access-log rows (who, role, action, record, whose data, address), newest first; the query itself is audited. */
  @Get()
  @Roles('supervisor', 'admin')
  @ApiQuery({ name: 'subjectId', required: false, description: 'the person (client) whose record was touched' })
  @ApiQuery({ name: 'actorId', required: false, description: 'the user who acted' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1–${MAX_AUDIT_LIMIT}, default ${DEFAULT_AUDIT_LIMIT}` })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<AuditRowView[]> {
    const q = parseOrThrow(auditQuerySchema, query);
    const from = q.from ? new Date(q.from) : null;
    const to = q.to ? new Date(q.to) : null;
    ordered(from, to);
    return this.accessLog.query(actor, {
      subjectId: q.subjectId ?? null,
      actorId: q.actorId ?? null,
      from,
      to,
      limit: q.limit,
    });
  }

  /** Reads of a person's record with no call or incident behind them, or outside the reader's shift; audited. */
  @Get('unusual')
  @Roles('supervisor', 'admin')
  @ApiQuery({ name: 'from', required: false, description: 'default 31 days before to' })
  @ApiQuery({ name: 'to', required: false, description: 'default now' })
  @ApiQuery({ name: 'limit', required: false })
  unusual(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<UnusualAccessReport> {
    const q = parseOrThrow(unusualQuerySchema, query);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - REVIEW_DAYS * 86_400_000);
    ordered(from, to);
    return this.accessLog.unusual(actor, from, to, q.limit);
  }
}
