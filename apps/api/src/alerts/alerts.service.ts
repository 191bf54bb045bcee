import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { toAlertView } from './alerts.js';

type AlertRow = Parameters<typeof toAlertView>[0];

const SEVERITY_ORDER = `CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/** The control room's alert list and acknowledgements. Raising alerts is alerts.ts (in the caller's transaction). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Open alerts, most severe and newest first; or the latest 500 of all. */
  async list(open: boolean): Promise<AlertView[]> {
    const rows = await this.ds.query<AlertRow[]>(
      open
        ? `SELECT * FROM alert WHERE acknowledged_at IS NULL ORDER BY ${SEVERITY_ORDER}, raised_at DESC`
        : `SELECT * FROM alert ORDER BY raised_at DESC LIMIT 500`,
    );
    return rows.map(toAlertView);
  }

  /** POST /alerts/:id/ack: the first acknowledgement counts; a second one returns the alert as it is. */
  acknowledge(actor: Actor, id: string): Promise<AlertView> {
    return this.uow.run(actor, async (tx) => {
      const acked = await tx.one<AlertRow>(
        `UPDATE alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING *`,
        [id, tx.now.toISOString(), actor.userId],
      );
      if (acked) {
        await tx.audit({ action: 'alert.ack', entityType: 'alert', entityId: id, details: { kind: acked.kind } });
        return toAlertView(acked);
      }
      const row = await tx.one<AlertRow>(`SELECT * FROM alert WHERE id = $1`, [id]);
      if (!row) throw notFound('Alert');
      return toAlertView(row);
    });
  }
}
