import type { MigrationInterface, QueryRunner } from 'typeorm';

// Continuity of care: the client's legal basis (PIPA), registering centre, cautions and structured Stanley–Brown
// safety plan; follow-ups that come from closed incidents and hand-backs, with attempts and a completion outcome.
export class ContinuityOfCare1763800800000 implements MigrationInterface {
  name = 'ContinuityOfCare1763800800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE client
        ADD COLUMN registered_with_agency_id uuid REFERENCES agency(id),
        ADD COLUMN basis_kind text CHECK (basis_kind IN ('consent','vital-interest')),
        ADD COLUMN basis_scope text,
        ADD COLUMN basis_note text,
        ADD COLUMN basis_at timestamptz,
        ADD COLUMN basis_recorded_by uuid REFERENCES app_user(id),
        ADD COLUMN caution_weapon boolean NOT NULL DEFAULT false,
        ADD COLUMN caution_violence boolean NOT NULL DEFAULT false,
        ADD COLUMN caution_note text,
        ADD COLUMN safety_plan_updated_at timestamptz,
        ADD COLUMN safety_plan_updated_by uuid REFERENCES app_user(id),
        ADD COLUMN created_by uuid REFERENCES app_user(id)`);
    // A consent without its scope is no consent; a basis is a kind and a time together. Rows kept before bases
    // were required stay without one until someone edits them (the API then asks for it).
    await q.query(`
      ALTER TABLE client ADD CONSTRAINT ck_client_basis CHECK (
        (basis_kind IS NULL) = (basis_at IS NULL) AND (basis_kind IS DISTINCT FROM 'consent' OR basis_scope IS NOT NULL))`);
    // Free-text plans become the notes of a structured plan, so nothing already written is lost.
    await q.query(`
      ALTER TABLE client ALTER COLUMN safety_plan TYPE jsonb USING (
        CASE WHEN safety_plan IS NULL THEN NULL ELSE jsonb_build_object(
          'warningSigns', '[]'::jsonb, 'copingStrategies', '[]'::jsonb, 'socialContacts', '[]'::jsonb,
          'helpContacts', '[]'::jsonb, 'professionalContacts', '[]'::jsonb, 'meansSafety', safety_plan) END)`);
    await q.query(`
      UPDATE client SET
        caution_weapon = 'weapon-access' = ANY(risk_flags),
        caution_violence = 'violence' = ANY(risk_flags),
        registered_with_agency_id = (SELECT a.id FROM agency a WHERE a.kind = 'community' AND a.region_ids @> ARRAY[client.region_id] ORDER BY a.code LIMIT 1)
      WHERE region_id IS NOT NULL OR risk_flags <> '{}'`);
    await q.query(`CREATE INDEX ix_client_agency ON client (registered_with_agency_id, display_name)`);
    await q.query(`CREATE INDEX ix_call_client ON call (client_id, received_at) WHERE client_id IS NOT NULL`);

    await q.query(`
      ALTER TABLE follow_up
        ALTER COLUMN call_id DROP NOT NULL,
        ADD COLUMN source text NOT NULL DEFAULT 'call-ended' CHECK (source IN ('call-ended','incident-closed','hand-back')),
        ADD COLUMN outcome text CHECK (outcome IN ('linked-case-management','linked-treatment','stable','unreachable','declined')),
        ADD COLUMN hand_back_note text,
        ADD COLUMN handed_back_at timestamptz,
        ADD COLUMN handed_back_by uuid REFERENCES app_user(id),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT ck_follow_up_origin CHECK (call_id IS NOT NULL OR incident_id IS NOT NULL)`);
    // One incident-level follow-up per incident: closing and a later hand-back update the same task.
    await q.query(`CREATE UNIQUE INDEX uq_follow_up_incident ON follow_up (incident_id) WHERE call_id IS NULL`);
    await q.query(`CREATE INDEX ix_follow_up_client ON follow_up (client_id) WHERE client_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE follow_up_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        follow_up_id uuid NOT NULL REFERENCES follow_up(id),
        at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('reached','no-answer','refused','wrong-number')),
        note text,
        by_user uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_follow_up_attempt ON follow_up_attempt (follow_up_id, at)`);
    // Open follow-ups made before the overdue timer existed get theirs now.
    await q.query(`
      INSERT INTO timer (kind, ref_id, due_at) SELECT 'follow-up.overdue', id, due_at FROM follow_up WHERE done_at IS NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM timer WHERE kind = 'follow-up.overdue'`);
    await q.query(`DROP TABLE follow_up_attempt`);
    await q.query(`DROP INDEX ix_follow_up_client`);
    await q.query(`DROP INDEX uq_follow_up_incident`);
    await q.query(`DELETE FROM follow_up WHERE call_id IS NULL`);
    await q.query(`
      ALTER TABLE follow_up DROP CONSTRAINT ck_follow_up_origin, ALTER COLUMN call_id SET NOT NULL,
        DROP COLUMN source, DROP COLUMN outcome, DROP COLUMN hand_back_note, DROP COLUMN handed_back_at,
        DROP COLUMN handed_back_by, DROP COLUMN updated_at`);
    await q.query(`DROP INDEX ix_call_client`);
    await q.query(`DROP INDEX ix_client_agency`);
    await q.query(`ALTER TABLE client ALTER COLUMN safety_plan TYPE text USING (safety_plan::text)`);
    await q.query(`
      ALTER TABLE client DROP CONSTRAINT ck_client_basis,
        DROP COLUMN registered_with_agency_id, DROP COLUMN basis_kind, DROP COLUMN basis_scope, DROP COLUMN basis_note,
        DROP COLUMN basis_at, DROP COLUMN basis_recorded_by, DROP COLUMN caution_weapon, DROP COLUMN caution_violence,
        DROP COLUMN caution_note, DROP COLUMN safety_plan_updated_at, DROP COLUMN safety_plan_updated_by, DROP COLUMN created_by`);
  }
}
