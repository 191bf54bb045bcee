import type { MigrationInterface, QueryRunner } from 'typeorm';

// Sessions that can be ended (logout, password change, reset, deactivation) and an audit log that shows tampering.
export class Security1763800500000 implements MigrationInterface {
  name = 'Security1763800500000';

  async up(q: QueryRunner): Promise<void> {
    // One row per login: every access token names its session, and the guard, /auth/refresh and the socket
    // handshake refuse a token whose session has ended, passed its absolute lifetime, or whose user is inactive.
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX ix_user_session_open ON user_session (user_id) WHERE ended_at IS NULL`);

    // The audit hash chain. A chain belongs to one database connection (a random id kept in a session setting),
    // so concurrent writers never share a chain and no lock is taken: a connection runs one transaction at a time,
    // and the row before this one in its chain is its own last committed row. A rolled-back transaction also rolls
    // back the setting, so a chain never points at a row that does not exist.
    await q.query(`ALTER TABLE audit ADD COLUMN chain text, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`);
    await q.query(`CREATE INDEX ix_audit_chain ON audit (chain, id)`);
    // What is hashed: every column of the row, in a fixed order, as jsonb text (canonical), with the time in
    // microseconds since the epoch so the server's TimeZone setting cannot change the digest.
    await q.query(`
      CREATE FUNCTION audit_row_hash(prev bytea, a audit) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(coalesce(prev, '\\x'::bytea) || convert_to(jsonb_build_array(
          a.id, a.chain, (extract(epoch FROM a.at) * 1000000)::bigint, a.actor_id, a.actor_username, a.actor_role,
          a.action, a.entity_type, a.entity_id, a.subject_id, a.ip, a.user_agent, a.details)::text, 'UTF8'))
      $$`);
    await q.query(`
      CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c text := current_setting('crisis.audit_chain', true);
        p bytea;
      BEGIN
        IF c IS NULL OR c = '' THEN
          c := gen_random_uuid()::text;
          PERFORM set_config('crisis.audit_chain', c, false);
        ELSE
          SELECT hash INTO p FROM audit WHERE chain = c ORDER BY id DESC LIMIT 1;
        END IF;
        NEW.chain := c;
        NEW.prev_hash := p;
        NEW.hash := audit_row_hash(p, NEW);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER tg_audit_chain BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_chain_link()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_audit_chain ON audit`);
    await q.query(`DROP FUNCTION audit_chain_link()`);
    await q.query(`DROP FUNCTION audit_row_hash(bytea, audit)`);
    await q.query(`DROP INDEX ix_audit_chain`);
    await q.query(`ALTER TABLE audit DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain`);
    await q.query(`DROP TABLE user_session`);
  }
}
