import type { MigrationInterface, QueryRunner } from 'typeorm';

// Partner webhooks (a transactional outbox fed by the event table) and Art. 50 emergency admissions with the
// holiday calendar their clock skips.
export class WebhooksAdmissions1763800700000 implements MigrationInterface {
  name = 'WebhooksAdmissions1763800700000';

  async up(q: QueryRunner): Promise<void> {
    // The signing secret must be readable to sign with (HMAC), so it is stored, never shown again after creation.
    await q.query(`ALTER TABLE agency ADD COLUMN webhook_secret text`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency(id),
        event_seq bigint NOT NULL REFERENCES event(seq),
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        -- The exact bytes sent, fixed at the first attempt so every retry carries the same signed body.
        body text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_webhook_delivery_event UNIQUE (agency_id, event_seq)
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX ix_webhook_delivery_agency ON webhook_delivery (agency_id, event_seq DESC)`);
    // The outbox row is written by the same INSERT that stores the event, so every event an agency's room gets
    // (whoever emits it, now or later) reaches its webhook, and commits or rolls back with the state change.
    await q.query(`
      CREATE FUNCTION enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_delivery (agency_id, event_seq, event_type)
        SELECT a.id, NEW.seq, NEW.type FROM agency a
        WHERE a.webhook_url IS NOT NULL AND a.webhook_secret IS NOT NULL AND ('agency:' || a.id::text) = ANY (NEW.audience);
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER trg_event_webhooks AFTER INSERT ON event FOR EACH ROW EXECUTE FUNCTION enqueue_webhook_deliveries()`,
    );

    await q.query(`
      CREATE TABLE holiday (
        day date PRIMARY KEY,
        name text NOT NULL,
        source text NOT NULL CHECK (source IN ('builtin','admin'))
      )`);
    // Years of the built-in calendar already loaded: a later package version adds new years without undoing edits.
    await q.query(
      `CREATE TABLE holiday_import (year integer PRIMARY KEY, imported_at timestamptz NOT NULL DEFAULT now())`,
    );

    await q.query(`
      CREATE TABLE emergency_admission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        hospital_agency_id uuid NOT NULL REFERENCES agency(id),
        doctor_name text NOT NULL,
        doctor_at timestamptz NOT NULL,
        police_name text NOT NULL,
        police_badge text NOT NULL,
        police_at timestamptz NOT NULL,
        escort text NOT NULL CHECK (escort IN ('police','fire')),
        admitted_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','ended')),
        guardian_due_at timestamptz NOT NULL,
        guardian_name text,
        guardian_relation text,
        guardian_method text CHECK (guardian_method IS NULL OR guardian_method IN ('written','in-person')),
        guardian_notified_at timestamptz,
        outcome text CHECK (outcome IS NULL OR outcome IN ('discharged','voluntary','consent','guardian','administrative')),
        ended_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'ended') = (outcome IS NOT NULL AND ended_at IS NOT NULL))
      )`);
    // One running admission per incident: a double submit cannot start two clocks.
    await q.query(
      `CREATE UNIQUE INDEX uq_emergency_admission_active ON emergency_admission (incident_id) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX ix_emergency_admission_hospital ON emergency_admission (hospital_agency_id, status)`);

    await q.query(`
      CREATE TABLE administrative_admission_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        requested_by_name text NOT NULL,
        requested_by_role text NOT NULL,
        district text NOT NULL,
        requested_at timestamptz NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_administrative_admission_incident ON administrative_admission_request (incident_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE administrative_admission_request`);
    await q.query(`DROP TABLE emergency_admission`);
    await q.query(`DROP TABLE holiday_import`);
    await q.query(`DROP TABLE holiday`);
    await q.query(`DROP TRIGGER trg_event_webhooks ON event`);
    await q.query(`DROP FUNCTION enqueue_webhook_deliveries()`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`ALTER TABLE agency DROP COLUMN webhook_secret`);
  }
}
