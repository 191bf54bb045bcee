import type { Category } from '#contracts';
import type { IncidentEntry } from '../../realtime/event-store';
import { isActiveIncident } from '../map/region-shading';

const RANK: Record<Category, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5, G: 6 };

function deadline(i: IncidentEntry): number {
  return i.respondBy ? Date.parse(i.respondBy) : Number.POSITIVE_INFINITY;
}

/**
 * Active incidents, the least time left first. Ordering by the deadline itself gives the same order at every
 * instant, so the list re-sorts only when incidents change, not on every clock tick. No deadline (F, G) last,
 * then by urgency and age.
 */
export function incidentQueue(incidents: Iterable<IncidentEntry>): IncidentEntry[] {
  return [...incidents]
    .filter((i) => isActiveIncident(i.status))
    .sort(
      (a, b) =>
        deadline(a) - deadline(b) || RANK[a.category] - RANK[b.category] || a.createdAt.localeCompare(b.createdAt),
    );
}
