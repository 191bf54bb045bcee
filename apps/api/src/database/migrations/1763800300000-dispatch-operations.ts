import type { MigrationInterface, QueryRunner } from 'typeorm';

// Field operations: safety check-ins of teams on scene, and the lookups of the dispatch screens (a team's offers,
// the open alerts of an incident or a team).
export class DispatchOperations1763800300000 implements MigrationInterface {
  name = 'DispatchOperations1763800300000';

  async up(q: QueryRunner): Promise<void> {
    // The last safety check-in of a team on scene (arrival counts as one); the next is due CHECKIN_MINUTES later.
    await q.query(`ALTER TABLE team ADD COLUMN last_checkin_at timestamptz`);
    await q.query(`CREATE INDEX ix_dispatch_team ON dispatch (team_id, offered_at)`);
    await q.query(`CREATE INDEX ix_alert_incident ON alert (incident_id, raised_at) WHERE incident_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_alert_team ON alert (team_id, raised_at) WHERE team_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_alert_team`);
    await q.query(`DROP INDEX ix_alert_incident`);
    await q.query(`DROP INDEX ix_dispatch_team`);
    await q.query(`ALTER TABLE team DROP COLUMN last_checkin_at`);
  }
}
