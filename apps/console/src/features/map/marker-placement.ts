import type { IncidentStatus } from '#contracts';

/** How many incidents may stand outside the clusters: enough for any real shift, bounded for load tests. */
export const STANDALONE_CAP = 100;

interface Placeable {
  id: string;
  status: IncidentStatus;
  respondBy: string | null;
}

/**
 * Incidents that are never hidden inside a cluster: the selected one, and those still waiting for a team
 * (status open), the most pressing first, up to `cap`. Everything else clusters when zoomed out.
 */
export function standaloneIncidents(
  incidents: Iterable<Placeable>,
  selectedId: string | null,
  cap = STANDALONE_CAP,
): Set<string> {
  const waiting: Placeable[] = [];
  for (const i of incidents) if (i.status === 'open') waiting.push(i);
  const deadline = (i: Placeable) => (i.respondBy ? Date.parse(i.respondBy) : Number.POSITIVE_INFINITY);
  waiting.sort((a, b) => deadline(a) - deadline(b));
  const ids = new Set(waiting.slice(0, cap).map((i) => i.id));
  if (selectedId) ids.add(selectedId);
  return ids;
}
