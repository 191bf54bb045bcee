import type { IncidentEntry } from '../../realtime/event-store';
import { CATEGORY_RANK } from '../../common/category-style';
import { isActiveIncident } from '../map/region-shading';

/** Where an active incident stands in the queue; computed once per change of the incident, not per comparison. */
export interface QueueKey {
  deadline: number;
  rank: number;
  createdAt: string;
}

/** The incident's queue key, or null when it is not active (not in the queue). */
export function queueKey(incident: IncidentEntry): QueueKey | null {
  if (!isActiveIncident(incident.status)) return null;
  return {
    deadline: incident.respondBy ? Date.parse(incident.respondBy) : Number.POSITIVE_INFINITY,
    rank: CATEGORY_RANK[incident.category],
    createdAt: incident.createdAt,
  };
}

/**
 * The least time left first. Ordering by the deadline itself gives the same order at every instant, so the list
 * re-sorts only when incidents change, not on every clock tick. No deadline (F, G) last, then by urgency and age.
 * ISO timestamps compare in time order as plain strings.
 */
export function compareQueueKeys(a: QueueKey, b: QueueKey): number {
  return (
    a.deadline - b.deadline || a.rank - b.rank || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
  );
}
