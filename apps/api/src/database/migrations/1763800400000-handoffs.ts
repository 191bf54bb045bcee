import type { MigrationInterface, QueryRunner } from 'typeorm';

// One open request per incident and agency: a double click or two coordinators cannot ask the same hospital twice.
export class Handoffs1763800400000 implements MigrationInterface {
  name = 'Handoffs1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX uq_handoff_open ON handoff (incident_id, agency_id) WHERE status IN ('requested','accepted')`,
    );
    await q.query(`ALTER TABLE handoff ADD COLUMN responded_by uuid REFERENCES app_user(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE handoff DROP COLUMN responded_by`);
    await q.query(`DROP INDEX uq_handoff_open`);
  }
}
