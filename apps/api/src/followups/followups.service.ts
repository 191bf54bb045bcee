import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FollowUpStatus, FollowUpView } from '#contracts';
import type { Actor } from '../common/actor.js';
import { conflict, forbidden, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { appendTimeline } from '../incidents/incidents.repository.js';
import { toFollowUpView, type FollowUpRow } from './followups.repository.js';

// Follow-ups have no event type in the contract's event map, so they are stored and listed, not pushed:
// the hotline and the centres poll GET /follow-ups, and the KPI report counts them.

const LIST_LIMIT = 500;

@Injectable()
export class FollowUpsService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Hotline and control room see every task; a community centre's users see only their centre's. */
  async list(actor: Actor, status: FollowUpStatus | 'all'): Promise<FollowUpView[]> {
    const agencyId = actor.role === 'agency' ? (actor.agencyId ?? null) : null;
    if (actor.role === 'agency' && !agencyId) return [];
    const rows = (await this.ds.query(
      `SELECT * FROM follow_up
       WHERE ($1::uuid IS NULL OR agency_id = $1)
         AND ($2 = 'all' OR ($2 = 'open' AND done_at IS NULL) OR ($2 = 'done' AND done_at IS NOT NULL))
       ORDER BY done_at IS NOT NULL, due_at LIMIT ${LIST_LIMIT}`,
      [agencyId, status],
    )) as FollowUpRow[];
    const now = new Date();
    return rows.map((r) => toFollowUpView(r, now));
  }

  done(actor: Actor, id: string, notes: string | null): Promise<FollowUpView> {
    return this.uow.run(actor, async (tx) => {
      const current = await tx.one<FollowUpRow>(`SELECT * FROM follow_up WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw notFound('Follow-up');
      if (actor.role === 'agency' && current.agency_id !== actor.agencyId) throw forbidden('This follow-up belongs to another centre');
      const row = await tx.one<FollowUpRow>(
        `UPDATE follow_up SET done_at = $2, done_by = $3, notes = coalesce($4, notes) WHERE id = $1 AND done_at IS NULL RETURNING *`,
        [id, tx.now.toISOString(), actor.userId, notes],
      );
      if (!row) throw conflict('STATE_CHANGED', 'The follow-up is already done');
      await tx.audit({ action: 'follow-up.done', entityType: 'follow_up', entityId: id, subjectId: row.client_id });
      if (row.incident_id) await appendTimeline(tx, row.incident_id, 'follow-up.done', { followUpId: id });
      return toFollowUpView(row, tx.now);
    });
  }
}
