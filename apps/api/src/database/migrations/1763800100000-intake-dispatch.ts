import type { MigrationInterface, QueryRunner } from 'typeorm';

// Clients, calls, triage, incidents and their timeline, dispatch offers, alerts, follow-ups and handoffs.
// Races are settled here: partial unique indexes allow one live offer per team and one active dispatch per incident.
export class IntakeDispatch1763800100000 implements MigrationInterface {
  name = 'IntakeDispatch1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        phone_numbers text[] NOT NULL DEFAULT '{}',
        phone_digits text[] NOT NULL DEFAULT '{}',
        region_id uuid REFERENCES region(id),
        case_manager text,
        safety_plan text,
        risk_flags text[] NOT NULL DEFAULT '{}',
        guardian_contact text,
        preferred_hospital_id uuid REFERENCES agency(id),
        birth_year integer CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Caller-number matching looks up normalised digits; a GIN index keeps it fast with many clients.
    await q.query(`CREATE INDEX ix_client_phone_digits ON client USING gin (phone_digits)`);

    await q.query(`
      CREATE TABLE call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'ringing' CHECK (status IN ('ringing','active','ended')),
        channel text NOT NULL CHECK (channel IN ('phone','text','police','fire','walk-in')),
        caller_number text,
        caller_digits text,
        caller_relation text,
        notes text,
        received_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        ended_at timestamptz,
        outcome text CHECK (outcome IS NULL OR outcome IN ('information-given','closed-after-counselling',
          'linked-to-case-management','linked-to-treatment','field-dispatch','emergency-admission','handed-to-guardian')),
        end_notes text,
        counselor_id uuid REFERENCES app_user(id),
        client_id uuid REFERENCES client(id),
        incident_id uuid,
        created_by uuid REFERENCES app_user(id),
        source text NOT NULL DEFAULT 'console' CHECK (source IN ('console','telephony')),
        idempotency_key text,
        CONSTRAINT ck_call_ended CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_call_idempotency ON call (coalesce(created_by::text, source), idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_call_open ON call (received_at) WHERE status <> 'ended'`);
    await q.query(`CREATE INDEX ix_call_digits ON call (caller_digits, received_at)`);

    await q.query(`
      CREATE TABLE triage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES call(id),
        input jsonb NOT NULL,
        suggested_category text NOT NULL CHECK (suggested_category IN ('A','B','C','D','E','F','G')),
        category text NOT NULL CHECK (category IN ('A','B','C','D','E','F','G')),
        cssrs_risk text NOT NULL CHECK (cssrs_risk IN ('none','low','moderate','high')),
        respond_within_minutes integer,
        notify jsonb NOT NULL,
        reasons text[] NOT NULL,
        rules_version text NOT NULL,
        assessed_at timestamptz NOT NULL DEFAULT now(),
        assessed_by uuid REFERENCES app_user(id),
        override jsonb,
        superseded_at timestamptz
      )`);
    // Re-triage keeps history: older rows are superseded, exactly one is current per call.
    await q.query(`CREATE UNIQUE INDEX uq_triage_current ON triage (call_id) WHERE superseded_at IS NULL`);

    await q.query(`CREATE TABLE incident_counter (year integer PRIMARY KEY, n integer NOT NULL)`);
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        region_id uuid REFERENCES region(id),
        category text NOT NULL CHECK (category IN ('A','B','C','D','E','F','G')),
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open','dispatching','dispatched','on-scene','handoff','closed','cancelled')),
        respond_by timestamptz,
        lat double precision NOT NULL,
        lng double precision NOT NULL,
        address text,
        address_key text,
        summary text,
        client_id uuid REFERENCES client(id),
        triage_id uuid REFERENCES triage(id),
        team_id uuid REFERENCES team(id),
        needed_skills text[] NOT NULL DEFAULT '{}',
        danger_to_others boolean NOT NULL DEFAULT false,
        notify jsonb NOT NULL DEFAULT '{"police":false,"ems":false,"fire":false}',
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id),
        first_dispatched_at timestamptz,
        accepted_at timestamptz,
        en_route_at timestamptz,
        on_scene_at timestamptz,
        handoff_at timestamptz,
        cleared_at timestamptz,
        closed_at timestamptz,
        disposition text,
        CONSTRAINT uq_incident_number UNIQUE (number)
      )`);
    await q.query(
      `CREATE INDEX ix_incident_active ON incident (respond_by) WHERE status NOT IN ('closed','cancelled')`,
    );
    await q.query(`CREATE INDEX ix_incident_client ON incident (client_id, created_at) WHERE client_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX ix_incident_address ON incident (address_key, created_at) WHERE address_key IS NOT NULL`,
    );
    await q.query(`ALTER TABLE call ADD CONSTRAINT fk_call_incident FOREIGN KEY (incident_id) REFERENCES incident(id)`);
    await q.query(`
      CREATE TABLE incident_call (
        incident_id uuid NOT NULL REFERENCES incident(id),
        call_id uuid NOT NULL REFERENCES call(id),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, call_id)
      )`);

    await q.query(`
      CREATE TABLE timeline (
        id bigserial PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incident(id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        actor text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX ix_timeline_incident ON timeline (incident_id, id)`);

    await q.query(`
      CREATE TABLE dispatch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        team_id uuid NOT NULL REFERENCES team(id),
        status text NOT NULL DEFAULT 'offered'
          CHECK (status IN ('offered','accepted','declined','expired','withdrawn','cleared')),
        offered_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        responded_at timestamptz,
        reason text,
        offered_by uuid REFERENCES app_user(id),
        automatic boolean NOT NULL DEFAULT false
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_dispatch_team_live ON dispatch (team_id) WHERE status IN ('offered','accepted')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_dispatch_incident_live ON dispatch (incident_id) WHERE status IN ('offered','accepted')`,
    );
    await q.query(`CREATE INDEX ix_dispatch_incident ON dispatch (incident_id, offered_at)`);

    await q.query(`
      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('info','warning','critical')),
        message text NOT NULL,
        incident_id uuid REFERENCES incident(id),
        team_id uuid REFERENCES team(id),
        region_id uuid REFERENCES region(id),
        lat double precision,
        lng double precision,
        dedupe_key text,
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES app_user(id)
      )`);
    // The same condition (e.g. a coverage gap) raises one open alert, not one per check.
    await q.query(
      `CREATE UNIQUE INDEX uq_alert_open_dedupe ON alert (dedupe_key) WHERE acknowledged_at IS NULL AND dedupe_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_alert_open ON alert (raised_at) WHERE acknowledged_at IS NULL`);

    await q.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES call(id),
        incident_id uuid REFERENCES incident(id),
        client_id uuid REFERENCES client(id),
        region_id uuid REFERENCES region(id),
        agency_id uuid REFERENCES agency(id),
        category text NOT NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        done_by uuid REFERENCES app_user(id),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_follow_up_call UNIQUE (call_id)
      )`);
    await q.query(`CREATE INDEX ix_follow_up_open ON follow_up (due_at) WHERE done_at IS NULL`);

    await q.query(`
      CREATE TABLE handoff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        kind text NOT NULL CHECK (kind IN ('hospital','police','fire','community')),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','accepted','declined','completed','cancelled')),
        reason text NOT NULL,
        reason_code text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        requested_by uuid REFERENCES app_user(id),
        responded_at timestamptz,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_handoff_incident ON handoff (incident_id)`);
    await q.query(`CREATE INDEX ix_handoff_agency ON handoff (agency_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['handoff', 'follow_up', 'alert', 'dispatch', 'timeline', 'incident_call'])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE call DROP CONSTRAINT fk_call_incident`);
    for (const t of ['incident', 'incident_counter', 'triage', 'call', 'client']) await q.query(`DROP TABLE ${t}`);
  }
}
