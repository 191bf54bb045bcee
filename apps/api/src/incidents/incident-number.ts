import type { DataSource } from 'typeorm';

// Incident numbers are what people say on the phone and write on forms: "2026-000123". They restart each year in
// Korea time (the centre's calendar) and come from one PostgreSQL sequence per year, drawn inside the creating
// transaction, with its read of the call (calls.repository.ts loadCallForIncident). A sequence takes no row lock, so
// creates no longer queue behind each other's whole transaction (the old `incident_counter` row lock was held from the
// draw to commit: issue 12). The trade-off: a create that fails after the draw (refused as another counselor's call,
// a database error, a crash) leaves its number unused, so numbers are unique and increasing but may have gaps; `seq`
// in the event log stays gap-free (database/tx.ts).

const SEOUL_YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', year: 'numeric' });

// Formatting a date in a time zone costs more than the rest of a create's numbering (a CPU profile, issue 12), and
// every create asks: the answer is kept for the hour it was asked in. A year never begins inside an hour in a zone
// whose offset is whole hours (Korea's, +09:00, has no daylight saving).
let cached = { hour: NaN, year: 0 };

export function incidentYear(at: Date): number {
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (hour !== cached.hour) cached = { hour, year: Number(SEOUL_YEAR.format(at)) };
  return cached.year;
}

export function formatIncidentNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(6, '0')}`;
}

export function incidentNumberSequence(year: number): string {
  return `incident_number_${year}`;
}

const ensured = new WeakMap<DataSource, Set<number>>();

/**
 * Creates the year's sequence once per database, in a short transaction of its own (never inside a create), and
 * continues from the number the old per-year counter row reached. Cached per DataSource after the first call.
 */
export async function ensureIncidentNumberSequence(ds: DataSource, year: number): Promise<void> {
  const done = ensured.get(ds) ?? new Set<number>();
  ensured.set(ds, done);
  if (done.has(year)) return;
  const name = incidentNumberSequence(year);
  await ds.transaction(async (m) => {
    // Instances starting their first create of the year at once: one creates, the others find it.
    await m.query(`SELECT pg_advisory_xact_lock(7263002)`);
    const [exists] = await m.query<unknown[]>(`SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = $1`, [name]);
    if (exists) return;
    const [{ n }] = await m.query<[{ n: string }]>(
      `SELECT greatest(
         coalesce((SELECT n FROM incident_counter WHERE year = $1), 0),
         coalesce((SELECT max(split_part(number, '-', 2)::bigint) FROM incident WHERE number ~ ('^' || $2 || '-[0-9]+$')), 0)) AS n`,
      [year, String(year)],
    );
    await m.query(`CREATE SEQUENCE ${name} START WITH ${Number(n) + 1}`);
  });
  done.add(year);
}
