import { Injectable } from '@nestjs/common';
import type { AlertView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { notFound } from '../common/errors.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { acknowledgeAlert, listAlerts, loadAlert, toAlertView } from './alerts.repository.js';

/** The control room's alert list and acknowledgements. Raising alerts is alerts.ts (in the caller's transaction). */
@Injectable()
export class AlertsService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  /** Open alerts, most severe and newest first; or the latest 500 of all. */
  list(open: boolean): Promise<AlertView[]> {
    return listAlerts(this.db, open);
  }

  /** POST /alerts/:id/ack: the first acknowledgement counts; a second one returns the alert as it is. */
  acknowledge(actor: Actor, id: string): Promise<AlertView> {
    return this.uow.run(actor, async (tx) => {
      const acked = await acknowledgeAlert(tx, id);
      if (acked) {
        await tx.audit({
          action: 'alert.acknowledged',
          entityType: 'alert',
          entityId: id,
          details: { kind: acked.kind },
        });
        return toAlertView(acked);
      }
      const row = await loadAlert(tx, id);
      if (!row) throw notFound('Alert');
      return toAlertView(row);
    });
  }
}
