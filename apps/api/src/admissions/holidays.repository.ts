import type { Tx } from '../database/tx.js';

// The holiday calendar is data: built in from the official gazette, edited by the admin, so a centre outside
// Korea (or a newly declared temporary holiday) is a calendar edit, not a release.

export async function holidayDays(tx: Tx): Promise<string[]> {
  const rows = await tx.query<{ day: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holiday ORDER BY day`);
  return rows.map((r) => r.day);
}

/** Loads the built-in years not loaded before; years already loaded keep the admin's edits. */
export async function importBuiltinYears(
  tx: Tx,
  years: Record<string, Record<string, readonly string[]>>,
): Promise<number> {
  let added = 0;
  for (const [year, days] of Object.entries(years)) {
    const fresh = await tx.query(
      `INSERT INTO holiday_import (year) VALUES ($1) ON CONFLICT DO NOTHING RETURNING year`,
      [Number(year)],
    );
    if (fresh.length === 0) continue;
    const entries = Object.entries(days);
    await tx.query(
      `INSERT INTO holiday (day, name, source) SELECT d::date, n, 'builtin' FROM unnest($1::text[], $2::text[]) AS t(d, n) ON CONFLICT (day) DO NOTHING`,
      [entries.map(([d]) => d), entries.map(([, names]) => names.join(', '))],
    );
    added += entries.length;
  }
  return added;
}

/** Replaces the whole calendar with `days`; returns what was added and removed. Names of kept days stay. */
export async function replaceHolidays(tx: Tx, days: string[]): Promise<{ added: string[]; removed: string[] }> {
  const removed = await tx.query<{ day: string }>(
    `DELETE FROM holiday WHERE NOT (day = ANY($1::date[])) RETURNING to_char(day, 'YYYY-MM-DD') AS day`,
    [days],
  );
  const added = await tx.query<{ day: string }>(
    `INSERT INTO holiday (day, name, source) SELECT d, '', 'admin' FROM unnest($1::date[]) AS d ON CONFLICT (day) DO NOTHING
     RETURNING to_char(day, 'YYYY-MM-DD') AS day`,
    [days],
  );
  return { added: added.map((r) => r.day), removed: removed.map((r) => r.day) };
}
