import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hotline intake additions: an Idempotency-Key replay must carry the same request, so the request's fingerprint
// is kept next to the key; follow-ups are listed per community centre, open ones first.
export class IntakeCalls1763800200000 implements MigrationInterface {
  name = 'IntakeCalls1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call ADD COLUMN idempotency_fingerprint text`);
    await q.query(`CREATE INDEX ix_follow_up_agency_open ON follow_up (agency_id, due_at) WHERE done_at IS NULL`);
    await q.query(`CREATE INDEX ix_incident_call_call ON incident_call (call_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_incident_call_call`);
    await q.query(`DROP INDEX ix_follow_up_agency_open`);
    await q.query(`ALTER TABLE call DROP COLUMN idempotency_fingerprint`);
  }
}
