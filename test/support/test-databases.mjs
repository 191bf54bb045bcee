// Names of the databases a test run makes on a shared PostgreSQL (TEST_DATABASE_URL), and which leftovers may go.
// A run's databases all start with its id, so global teardown drops every one of them, including those of a worker
// that crashed before its `drop()`; the id starts with the run's start time, so a later run drops what a run
// killed outright (no teardown at all) left behind, once it is old enough that no run can still be using it.
// Plain JavaScript: global setup and teardown load it outside Jest's module mapping.
import { randomBytes } from 'node:crypto';

/** No test run lasts this long: databases of a run that started earlier are leftovers. */
export const LEFTOVER_AFTER_MS = 24 * 3600_000;

const NAME = /^crisis_(?:tpl|t)_([0-9a-z]+)_[0-9a-f]+(?:_[0-9a-f]+)?$/;

/** A new run id: its start time (base 36 milliseconds) and a random part. */
export function newRunId(now = Date.now()) {
  return `${now.toString(36)}_${randomBytes(4).toString('hex')}`;
}

export const templateName = (run) => `crisis_tpl_${run}`;
export const testDatabaseName = (run) => `crisis_t_${run}_${randomBytes(4).toString('hex')}`;
/** A LIKE pattern for the test databases of `run` (its template is not one of them). */
const testDatabasePattern = (run) => `crisis_t_${run}_`.replace(/_/g, '\\_') + '%';

/** Of `names`, the test and template databases of runs that started more than LEFTOVER_AFTER_MS before `now`. */
export function leftoverDatabases(names, now = Date.now()) {
  return names.filter((name) => {
    const stamp = NAME.exec(name)?.[1];
    return stamp !== undefined && now - parseInt(stamp, 36) > LEFTOVER_AFTER_MS;
  });
}

/** Drops one database, a template too (a template cannot be dropped as such), whoever is still connected to it. */
export async function dropDatabase(client, name) {
  await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Global teardown: the test databases of `run` still there (a worker that crashed before its `drop()`). */
export async function dropRunDatabases(client, run) {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    testDatabasePattern(run),
  ]);
  for (const { datname } of rows) await dropDatabase(client, datname);
}

/** Global setup: what runs killed before their teardown left behind, a day on. */
export async function dropLeftoverDatabases(client, now = Date.now()) {
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'crisis\\_%'`);
  for (const name of leftoverDatabases(
    rows.map((r) => r.datname),
    now,
  ))
    await dropDatabase(client, name);
}
