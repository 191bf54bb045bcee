import { ACTIVE_INCIDENT_STATUSES, type IncidentStatus } from '#contracts';

const ACTIVE: ReadonlySet<IncidentStatus> = new Set(ACTIVE_INCIDENT_STATUSES);

/** How many incidents may stand outside the clusters: enough for any real shift, bounded for load tests. */
export const STANDALONE_CAP = 100;

interface Placeable {
  id: string;
  status: IncidentStatus;
  respondBy: string | null;
}

/**
 * Incidents that are never hidden inside a cluster: the selected one, and those still waiting for a team
 * (status open), the most pressing first, up to `cap`. They are DOM markers; the other waiting incidents are drawn
 * one by one on the canvas (never clustered), and incidents a team is on cluster when zoomed out.
 */
export function standaloneIncidents(
  incidents: Iterable<Placeable>,
  selectedId: string | null,
  cap = STANDALONE_CAP,
): Set<string> {
  // Deadlines parsed once per incident, not once per comparison: this runs on every change, over thousands.
  const waiting: { id: string; deadline: number }[] = [];
  for (const i of incidents)
    if (i.status === 'open')
      waiting.push({ id: i.id, deadline: i.respondBy ? Date.parse(i.respondBy) : Number.POSITIVE_INFINITY });
  waiting.sort((a, b) => a.deadline - b.deadline);
  const ids = new Set(waiting.slice(0, cap).map((i) => i.id));
  if (selectedId) ids.add(selectedId);
  return ids;
}

/** Where an incident is drawn: a DOM marker, a canvas mark of its own (waiting: never clustered), or a cluster. */
export type IncidentPlace = 'alone' | 'waiting' | 'cluster';

/** The place of one incident given the standalone set; null when it is no longer active (off the map). */
export function incidentPlace(incident: Placeable, standalone: ReadonlySet<string>): IncidentPlace | null {
  if (!ACTIVE.has(incident.status)) return null;
  if (standalone.has(incident.id)) return 'alone';
  return incident.status === 'open' ? 'waiting' : 'cluster';
}
