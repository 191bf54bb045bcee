import type { Category } from '#contracts';
import type { IncidentEntry } from '../../realtime/event-store';
import { isActiveIncident } from '../map/region-shading';

const RANK: Record<Category, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6 };

/**
 * Active incidents, the least time left first. Ordering by the deadline itself gives the same order at every
 * instant, so the list re-sorts only when incidents change, not on every clock tick. No deadline (F, G) last,
 * then by urgency and age. The keys are computed once per incident, not once per comparison: with thousands of
 * active incidents, parsing dates and collating strings inside the comparator made every change a long task
 * (issue 12). ISO timestamps compare in time order as plain strings.
 */
export function incidentQueue(incidents: Iterable<IncidentEntry>): IncidentEntry[] {
  const keyed: { incident: IncidentEntry; deadline: number; rank: number }[] = [];
  for (const i of incidents)
    if (isActiveIncident(i.status))
      keyed.push({
        incident: i,
        deadline: i.respondBy ? Date.parse(i.respondBy) : Number.POSITIVE_INFINITY,
        rank: RANK[i.category],
      });
  keyed.sort(
    (a, b) =>
      a.deadline - b.deadline ||
      a.rank - b.rank ||
      (a.incident.createdAt < b.incident.createdAt ? -1 : a.incident.createdAt > b.incident.createdAt ? 1 : 0),
  );
  return keyed.map((k) => k.incident);
}
