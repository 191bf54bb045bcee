import type { AlertEventData, AlertKind, AlertSeverity, AlertView, LatLng } from '#contracts';
import type { Tx } from '../database/tx.js';
import { insertAlert, toAlertView } from './alerts.repository.js';

// Callers of the incident's lifecycle and the safety routes import these from here.
export { resolveIncidentAlerts, toAlertView } from './alerts.repository.js';

export interface RaiseAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  incidentId?: string | null;
  teamId?: string | null;
  regionId?: string | null;
  location?: LatLng | null;
  /** One open alert per key: raising it again while it is open does nothing. */
  dedupeKey?: string;
  /** The partner agency it concerns, which is told too for some kinds (realtime/audience.ts). */
  agencyId?: string | null;
}

/**
 * Raises an alert for the control room (and the team concerned) in the caller's transaction.
 * Returns null when an open alert with the same dedupe key already exists.
 */
export async function raiseAlert(tx: Tx, a: RaiseAlert): Promise<AlertView | null> {
  const row = await insertAlert(tx, a);
  if (!row) return null;
  const view = toAlertView(row);
  const data: AlertEventData = {
    id: view.id,
    kind: view.kind,
    severity: view.severity,
    message: view.message,
    incidentId: view.incidentId,
    teamId: view.teamId,
    regionId: view.regionId,
    location: view.location,
    agencyId: a.agencyId ?? null,
  };
  tx.emit('alert.raised', data);
  await tx.audit({ action: 'alert.raised', entityType: 'alert', entityId: view.id, details: { kind: view.kind } });
  return view;
}
