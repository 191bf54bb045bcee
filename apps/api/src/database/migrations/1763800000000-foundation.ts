import type { MigrationInterface, QueryRunner } from 'typeorm';

// Users, regions, teams, shifts, agencies, the event log with its gap-free counter, and the append-only audit log.
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        name_ko text,
        population integer CHECK (population IS NULL OR population >= 0),
        geometry jsonb NOT NULL,
        bbox double precision[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_region_code UNIQUE (code)
      )`);

    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        callsign text NOT NULL,
        region_id uuid NOT NULL REFERENCES region(id),
        covered_region_ids uuid[] NOT NULL DEFAULT '{}',
        base_lat double precision NOT NULL,
        base_lng double precision NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        size integer NOT NULL CHECK (size BETWEEN 1 AND 20),
        status text NOT NULL DEFAULT 'available'
          CHECK (status IN ('available','offered','en-route','on-scene','transporting','unavailable')),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        location_lat double precision,
        location_lng double precision,
        location_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_team_callsign UNIQUE (callsign)
      )`);
    await q.query(`CREATE INDEX ix_team_region ON team (region_id)`);

    await q.query(`
      CREATE TABLE shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_shift_order CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX ix_shift_team_time ON shift (team_id, starts_at, ends_at)`);
    await q.query(`CREATE INDEX ix_shift_time ON shift (starts_at, ends_at)`);

    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('hospital','police','fire','community')),
        name text NOT NULL,
        region_ids uuid[] NOT NULL DEFAULT '{}',
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        webhook_url text,
        beds_available integer CHECK (beds_available IS NULL OR beds_available >= 0),
        beds_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_agency_code UNIQUE (code)
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','supervisor','coordinator','counselor','responder','agency')),
        team_id uuid REFERENCES team(id),
        agency_id uuid REFERENCES agency(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_user_binding CHECK (
          (role = 'responder') = (team_id IS NOT NULL) AND (role = 'agency') = (agency_id IS NOT NULL))
      )`);
    // Usernames are unique regardless of case so "Admin" cannot shadow "admin".
    await q.query(`CREATE UNIQUE INDEX uq_user_username ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        username text NOT NULL,
        ip text,
        success boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_login_attempt_user ON login_attempt (lower(username), at)`);
    await q.query(`CREATE INDEX ix_login_attempt_ip ON login_attempt (ip, at)`);

    await q.query(
      `CREATE TABLE app_secret (name text PRIMARY KEY, value text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );

    // The event log. seq comes from a one-row counter updated last in each writing transaction: the row lock
    // is held until commit, so seq values are gap-free and appear in commit order (a sequence is neither).
    await q.query(`CREATE TABLE event_counter (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL)`);
    await q.query(`INSERT INTO event_counter (id, seq) VALUES (1, 0)`);
    await q.query(`
      CREATE TABLE event (
        seq bigint PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        audience text[] NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_event_audience ON event USING gin (audience)`);

    // Durable timers (offer expiry, check-ins, SLA warnings): rows, so they survive restarts and fire once.
    await q.query(`
      CREATE TABLE timer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        ref_id uuid,
        due_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        fired_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_timer_due ON timer (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX uq_timer_pending ON timer (kind, ref_id) WHERE fired_at IS NULL AND cancelled_at IS NULL`,
    );

    // PIPA: access logs must be protected against tampering; the database refuses to change or delete them.
    await q.query(`
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_username text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        subject_id uuid,
        ip text,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_audit_entity ON audit (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX ix_audit_actor ON audit (actor_id, at)`);
    await q.query(`CREATE INDEX ix_audit_subject ON audit (subject_id, at) WHERE subject_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit rows are append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_append_only BEFORE UPDATE OR DELETE ON audit
      FOR EACH ROW EXECUTE FUNCTION audit_is_append_only()`);
    await q.query(
      `CREATE TRIGGER tr_audit_no_truncate BEFORE TRUNCATE ON audit EXECUTE FUNCTION audit_is_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit`);
    await q.query(`DROP FUNCTION audit_is_append_only`);
    await q.query(`DROP TABLE timer`);
    await q.query(`DROP TABLE event`);
    await q.query(`DROP TABLE event_counter`);
    await q.query(`DROP TABLE app_secret`);
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE agency`);
    await q.query(`DROP TABLE shift`);
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE region`);
  }
}
