import type { IncidentStatus } from '#contracts';
import { isActiveIncident } from './region-shading';

/** How many incidents may stand outside the clusters: enough for any real shift, bounded for load tests. */
export const STANDALONE_CAP = 100;

interface Placeable {
  id: string;
  status: IncidentStatus;
  respondBy: string | null;
}

/** A waiting incident's place among the waiting: its deadline (none: last); null when it is not waiting. */
export function waitingDeadline(incident: Placeable): number | null {
  if (incident.status !== 'open') return null;
  return incident.respondBy ? Date.parse(incident.respondBy) : Number.POSITIVE_INFINITY;
}

export const compareDeadlines = (a: number, b: number): number => a - b;

/**
 * Incidents that are never hidden inside a cluster: the selected one, and those still waiting for a team
 * (status open), the most pressing first (equal deadlines by id), up to `cap`. They are DOM markers; the other
 * waiting incidents are drawn one by one on the canvas (never clustered), and incidents a team is on cluster when
 * zoomed out. The map keeps the waiting ones in order as they change (realtime/sorted-ids.ts) and takes
 * `standaloneFrom` them; this is the same from a plain list.
 */
export function standaloneIncidents(
  incidents: Iterable<Placeable>,
  selectedId: string | null,
  cap = STANDALONE_CAP,
): Set<string> {
  // Deadlines parsed once per incident, not once per comparison.
  const waiting: { id: string; deadline: number }[] = [];
  for (const i of incidents) {
    const deadline = waitingDeadline(i);
    if (deadline !== null) waiting.push({ id: i.id, deadline });
  }
  waiting.sort((a, b) => compareDeadlines(a.deadline, b.deadline) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return standaloneFrom(
    waiting.map((w) => w.id),
    selectedId,
    cap,
  );
}

/** The standalone set from the waiting incidents' ids, most pressing first. */
export function standaloneFrom(
  waitingInOrder: readonly string[],
  selectedId: string | null,
  cap = STANDALONE_CAP,
): Set<string> {
  const ids = new Set(waitingInOrder.slice(0, cap));
  if (selectedId) ids.add(selectedId);
  return ids;
}

/** Where an incident is drawn: a DOM marker, a canvas mark of its own (waiting: never clustered), or a cluster. */
export type IncidentPlace = 'alone' | 'waiting' | 'cluster';

/** The place of one incident given the standalone set; null when it is no longer active (off the map). */
export function incidentPlace(incident: Placeable, standalone: ReadonlySet<string>): IncidentPlace | null {
  if (!isActiveIncident(incident.status)) return null;
  if (standalone.has(incident.id)) return 'alone';
  return incident.status === 'open' ? 'waiting' : 'cluster';
}
