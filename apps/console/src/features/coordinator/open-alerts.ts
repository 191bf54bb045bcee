import type { AlertView, IncidentStatus } from '#contracts';
import { isTerminal } from '#dispatch';

// An alert stays open until acknowledged, or until its incident ends: the server acknowledges an ended incident's
// alerts in the same transaction (issue 13 item 7), and the screen drops them as soon as the incident.updated
// event says closed or cancelled, without waiting for a reload.

export function isOpenAlert(
  alert: Pick<AlertView, 'acknowledgedAt' | 'incidentId'>,
  incidentStatus: (id: string) => IncidentStatus | undefined,
): boolean {
  if (alert.acknowledgedAt !== null) return false;
  const status = alert.incidentId ? incidentStatus(alert.incidentId) : undefined;
  return status === undefined || !isTerminal(status);
}
