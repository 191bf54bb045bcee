import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12: the incident create path read a call's triage history and the timers of an incident by scanning the whole
// table (only partial indexes covered those columns), so every create got slower as the centre's history grew.
export class WritePath1763800450000 implements MigrationInterface {
  name = 'WritePath1763800450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_triage_call ON triage (call_id, assessed_at)`);
    await q.query(`CREATE INDEX ix_timer_ref ON timer (ref_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_timer_ref`);
    await q.query(`DROP INDEX ix_triage_call`);
  }
}
