import type { Queryable } from '../database/db.js';

/**
 * Seeds the self-rescheduling coverage check once (due now); a pending one (another instance, a restart) is left
 * as it is, unlike scheduleTimer, which moves a pending timer to the new due time.
 */
export async function seedCoverageTimer(db: Queryable, kind: string, refId: string): Promise<void> {
  await db.query(
    `INSERT INTO timer (kind, ref_id, due_at) VALUES ($1, $2, now())
     ON CONFLICT (kind, ref_id) WHERE fired_at IS NULL AND cancelled_at IS NULL DO NOTHING`,
    [kind, refId],
  );
}
