import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12: the audit chain's link (1763800500000-security) read the chain's previous row back from the audit table
// at every audit insert (an index scan of audit by chain, 51 µs of PostgreSQL's time per incident create in
// pg_stat_statements), though the connection that writes a chain has just written that row itself. The previous
// row's hash now travels in a second session setting beside the chain's id, set by the insert that writes the row:
// a rolled-back transaction or savepoint rolls the setting back with the row, so it always holds the hash of the
// chain's last written row. A connection whose chain began before this migration (no head setting yet) reads the
// row back once, as before. What is hashed, and how the chain is verified (audit-chain.repository.ts), is unchanged.
// After a down() and a new up(), restart the API: a connection that wrote rows in between still holds the old head.
function chainLink(keepHead: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      c text := current_setting('crisis.audit_chain', true);
      head text := ${keepHead ? `current_setting('crisis.audit_chain_head', true)` : 'NULL'};
      p bytea;
    BEGIN
      IF c IS NULL OR c = '' THEN
        c := gen_random_uuid()::text;
        PERFORM set_config('crisis.audit_chain', c, false);
      ELSIF head IS NULL OR head = '' THEN
        SELECT hash INTO p FROM audit WHERE chain = c ORDER BY id DESC LIMIT 1;
      ELSE
        p := decode(head, 'hex');
      END IF;
      NEW.chain := c;
      NEW.prev_hash := p;
      NEW.hash := audit_row_hash(p, NEW);
      ${keepHead ? `PERFORM set_config('crisis.audit_chain_head', encode(NEW.hash, 'hex'), false);` : ''}
      RETURN NEW;
    END $$`;
}

export class AuditChainHead1763801300000 implements MigrationInterface {
  name = 'AuditChainHead1763801300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(chainLink(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(chainLink(false));
  }
}
