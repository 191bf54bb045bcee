import pg from 'pg';
import { runAuditVerify } from '../../apps/api/src/cli/audit-verify-command.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The access log is tamper-evident (issue 11; PIPA: protected against tampering): every audit row carries a hash
// chained to the previous row of its chain, written by the insert itself; `npm run audit:verify` finds the first
// broken link after a row is changed or deleted directly in the database.

let server: TestServer & { dropDatabase(): Promise<void> };
let counselor: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = (await server.login('admin')).accessToken;
  expect(
    (
      await server.api('POST', '/users', {
        token: admin,
        body: { username: 'chain-counselor', password: 'long-enough-password', displayName: 'C', role: 'counselor' },
      })
    ).status,
  ).toBe(201);
  counselor = (await server.login('chain-counselor', 'long-enough-password')).accessToken;
});
afterAll(async () => {
  await server.stop();
  await server.dropDatabase();
});

async function verify(): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditVerify(
    { DATABASE_URL: server.databaseUrl },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out, err };
}

/** Changes the database behind the application's back, as someone with direct access could. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await server.dataSource.transaction(async (m) => {
    await m.query(`ALTER TABLE audit DISABLE TRIGGER tr_audit_append_only`);
    await m.query(sql, params);
    await m.query(`ALTER TABLE audit ENABLE TRIGGER tr_audit_append_only`);
  });
}

it('chains rows written by concurrent transactions without a shared lock, and verifies them intact', async () => {
  const calls = await Promise.all(
    Array.from({ length: 16 }, () => server.api('POST', '/calls', { token: counselor, body: { channel: 'phone' } })),
  );
  expect(calls.every((c) => c.status === 201)).toBe(true);
  const [stats] = await server.dataSource.query<{ unhashed: string; chains: string }[]>(
    `SELECT count(*) FILTER (WHERE hash IS NULL) AS unhashed, count(DISTINCT chain) AS chains FROM audit`,
  );
  expect(Number(stats.unhashed)).toBe(0);
  // Concurrent writers used several pooled connections, each its own chain.
  expect(Number(stats.chains)).toBeGreaterThan(1);
  const ok = await verify();
  expect(ok.err).toEqual([]);
  expect(ok.code).toBe(0);
  expect(ok.out[0]).toMatch(/^audit chain intact: \d+ chained audit rows in \d+ chains$/);
});

it('links each row to the last row its connection wrote, across rolled-back transactions, savepoints, multi-row inserts and a chain begun before the head was kept', async () => {
  // The trigger keeps the chain's last hash in a session setting (1763801300000-audit-chain-head): whatever a
  // connection rolls back must take the setting back with the row, or the next row would link to a row that
  // does not exist.
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const write = (action: string): Promise<unknown> =>
    client.query(
      `INSERT INTO audit (actor_username, actor_role, action, entity_type) VALUES ('chain-test', 'admin', $1, 'test')`,
      [action],
    );
  try {
    await write('kept-1');
    await client.query('BEGIN');
    await write('rolled-back');
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    await write('kept-2');
    await client.query('SAVEPOINT s');
    await write('rolled-back-to-savepoint');
    await client.query('ROLLBACK TO SAVEPOINT s');
    await client.query('COMMIT');
    await client.query(
      `INSERT INTO audit (actor_username, actor_role, action, entity_type)
       SELECT 'chain-test', 'admin', a, 'test' FROM unnest(ARRAY['kept-3', 'kept-4']) AS a`,
    );
    await expect(
      client.query(`INSERT INTO audit (actor_username, actor_role, action) VALUES ('chain-test', 'admin', 'fails')`),
    ).rejects.toThrow();
    await write('kept-5');
    // The setting holds the last row's hash, which the next row links to.
    const { rows: head } = await client.query<{ head: string; last: string }>(
      `SELECT current_setting('crisis.audit_chain_head') AS head,
              (SELECT encode(hash, 'hex') FROM audit WHERE action = 'kept-5' AND actor_username = 'chain-test') AS last`,
    );
    expect(head[0].head).toBe(head[0].last);
    // A connection whose chain began before the migration has no head yet: its next row reads the chain back once.
    await client.query(`SELECT set_config('crisis.audit_chain_head', '', false)`);
    await write('kept-6');
    const { rows } = await client.query<{ action: string; linked: boolean }>(
      `SELECT action, prev_hash IS NOT DISTINCT FROM lag(hash) OVER (ORDER BY id) AS linked
       FROM audit WHERE chain = (SELECT chain FROM audit WHERE action = 'kept-1' AND actor_username = 'chain-test') ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['kept-1', 'kept-2', 'kept-3', 'kept-4', 'kept-5', 'kept-6']);
    expect(rows.every((r) => r.linked)).toBe(true);
  } finally {
    await client.end();
  }
  const ok = await verify();
  expect(ok.err).toEqual([]);
  expect(ok.code).toBe(0);
});

it('reports the first broken link when a row is changed, and when a row is deleted', async () => {
  // A chain with at least three rows, to tamper with its middle.
  const [row] = await server.dataSource.query<{ id: string; chain: string; action: string }[]>(
    `SELECT id, chain, action FROM audit a
     WHERE (SELECT count(*) FROM audit b WHERE b.chain = a.chain) >= 3 AND id > (SELECT min(id) FROM audit b WHERE b.chain = a.chain)
       AND id < (SELECT max(id) FROM audit b WHERE b.chain = a.chain)
     ORDER BY id LIMIT 1`,
  );
  expect(row).toBeDefined();

  await tamper(`UPDATE audit SET actor_username = 'someone-else' WHERE id = $1`, [row.id]);
  const changed = await verify();
  expect(changed.code).toBe(1);
  expect(changed.err[0]).toContain(`audit row ${row.id} `);
  expect(changed.err[0]).toContain('was changed');

  // Re-hashing the changed row to hide it moves the break to the next row of the chain.
  await tamper(`UPDATE audit SET hash = audit_row_hash(prev_hash, audit) WHERE id = $1`, [row.id]);
  const [next] = await server.dataSource.query<
    {
      id: string;
    }[]
  >(`SELECT id FROM audit WHERE chain = $1 AND id > $2 ORDER BY id LIMIT 1`, [row.chain, row.id]);
  const rehashed = await verify();
  expect(rehashed.code).toBe(1);
  expect(rehashed.err[0]).toContain(`audit row ${next.id} `);
  expect(rehashed.err[0]).toContain('link to the previous row');

  // Deleting it outright is caught at the same next row.
  await tamper(`DELETE FROM audit WHERE id = $1`, [row.id]);
  const deleted = await verify();
  expect(deleted.code).toBe(1);
  expect(deleted.err[0]).toContain(`audit row ${next.id} `);
});
