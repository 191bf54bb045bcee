import type { MigrationInterface, QueryRunner } from 'typeorm';

// Partners in the loop (issue 8): multi-hospital bed requests (first accept wins, the rest withdrawn), contact
// confirmation and cancellation of handoffs, decline free text, and hospitals saying whether they accept.
export class Partners1763800600000 implements MigrationInterface {
  name = 'Partners1763800600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bed_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        reason text NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_by uuid REFERENCES app_user(id),
        accepted_handoff_id uuid,
        accepted_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_bed_request_incident ON bed_request (incident_id)`);

    await q.query(`ALTER TABLE handoff DROP CONSTRAINT IF EXISTS handoff_status_check`);
    await q.query(
      `ALTER TABLE handoff ADD CONSTRAINT handoff_status_check CHECK (status IN ('requested','accepted','declined','completed','cancelled','withdrawn'))`,
    );
    await q.query(`
      ALTER TABLE handoff
        ADD COLUMN bed_request_id uuid REFERENCES bed_request(id),
        ADD COLUMN reason_text text,
        ADD COLUMN contact_confirmed_at timestamptz,
        ADD COLUMN contact_confirmed_by uuid REFERENCES app_user(id),
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by uuid REFERENCES app_user(id),
        ADD COLUMN cancel_reason text`);
    await q.query(`CREATE INDEX ix_handoff_bed_request ON handoff (bed_request_id) WHERE bed_request_id IS NOT NULL`);
    // The backstop of "the first to accept wins": one accepted (or completed) hospital per bed request.
    await q.query(
      `CREATE UNIQUE INDEX uq_bed_request_winner ON handoff (bed_request_id) WHERE bed_request_id IS NOT NULL AND status IN ('accepted','completed')`,
    );
    await q.query(
      `ALTER TABLE bed_request ADD CONSTRAINT fk_bed_request_winner FOREIGN KEY (accepted_handoff_id) REFERENCES handoff(id)`,
    );

    await q.query(`ALTER TABLE agency ADD COLUMN accepting boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN accepting`);
    await q.query(`ALTER TABLE bed_request DROP CONSTRAINT fk_bed_request_winner`);
    await q.query(`DROP INDEX uq_bed_request_winner`);
    await q.query(`DROP INDEX ix_handoff_bed_request`);
    await q.query(`
      ALTER TABLE handoff DROP COLUMN bed_request_id, DROP COLUMN reason_text, DROP COLUMN contact_confirmed_at,
        DROP COLUMN contact_confirmed_by, DROP COLUMN cancelled_at, DROP COLUMN cancelled_by, DROP COLUMN cancel_reason`);
    await q.query(`ALTER TABLE handoff DROP CONSTRAINT handoff_status_check`);
    await q.query(
      `ALTER TABLE handoff ADD CONSTRAINT handoff_status_check CHECK (status IN ('requested','accepted','declined','completed','cancelled'))`,
    );
    await q.query(`DROP TABLE bed_request`);
  }
}
