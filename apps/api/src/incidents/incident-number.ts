import type { Tx } from '../database/tx.js';

// Incident numbers are what people say on the phone and write on forms: "2026-000123". They restart each year
// in Korea time (the centre's calendar). The per-year counter row is incremented in the creating transaction:
// its row lock makes a concurrent creator wait for the number after ours, and a rolled-back create gives its
// number back, so numbers are unique and gap-free.

const SEOUL_YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', year: 'numeric' });

export function incidentYear(at: Date): number {
  return Number(SEOUL_YEAR.format(at));
}

export function formatIncidentNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(6, '0')}`;
}

export async function nextIncidentNumber(tx: Tx): Promise<string> {
  const year = incidentYear(tx.now);
  const row = await tx.one<{ n: number }>(
    `INSERT INTO incident_counter (year, n) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET n = incident_counter.n + 1 RETURNING n`,
    [year],
  );
  return formatIncidentNumber(year, row!.n);
}
