// The access-log screen's filters as the query of GET /audit (dates are local calendar days, both included).

export interface AuditFilters {
  subjectId: string;
  actorId: string;
  fromDate: string;
  toDate: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dateString = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id field is valid empty or as a whole UUID. */
export const validId = (id: string): boolean => id.trim() === '' || UUID.test(id.trim());

/** The monthly review: the last 31 days up to today. */
export function defaultAuditFilters(now: Date): AuditFilters {
  return {
    subjectId: '',
    actorId: '',
    fromDate: dateString(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 30)),
    toDate: dateString(now),
  };
}

function midnight(date: string, addDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays);
}

export function auditQuery(f: AuditFilters): string {
  const p = new URLSearchParams({
    from: midnight(f.fromDate).toISOString(),
    to: midnight(f.toDate, 1).toISOString(),
    limit: '500',
  });
  if (f.subjectId.trim()) p.set('subjectId', f.subjectId.trim());
  if (f.actorId.trim()) p.set('actorId', f.actorId.trim());
  return p.toString();
}
