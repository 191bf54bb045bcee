import type { AlertEventData, AlertKind, AlertSeverity, AlertView, LatLng } from '#contracts';
import type { Tx } from '../database/tx.js';

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

interface AlertRow {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  incident_id: string | null;
  team_id: string | null;
  region_id: string | null;
  lat: number | null;
  lng: number | null;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

export function toAlertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    message: r.message,
    incidentId: r.incident_id,
    teamId: r.team_id,
    regionId: r.region_id,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    raisedAt: r.raised_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
  };
}

/**
 * Raises an alert for the control room (and the team concerned) in the caller's transaction.
 * Returns null when an open alert with the same dedupe key already exists.
 */
export async function raiseAlert(tx: Tx, a: RaiseAlert): Promise<AlertView | null> {
  const row = await tx.one<AlertRow>(
    `INSERT INTO alert (kind, severity, message, incident_id, team_id, region_id, lat, lng, dedupe_key, raised_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     ON CONFLICT (dedupe_key) WHERE acknowledged_at IS NULL AND dedupe_key IS NOT NULL DO NOTHING
     RETURNING *`,
    [
      a.kind,
      a.severity,
      a.message,
      a.incidentId ?? null,
      a.teamId ?? null,
      a.regionId ?? null,
      a.location?.lat ?? null,
      a.location?.lng ?? null,
      a.dedupeKey ?? null,
      tx.now.toISOString(),
    ],
  );
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

/** Acknowledges every open alert of an incident that has ended (by the actor who ended it). */
export async function resolveIncidentAlerts(tx: Tx, incidentId: string): Promise<void> {
  await tx.query(
    `UPDATE alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE incident_id = $1 AND acknowledged_at IS NULL`,
    [incidentId, tx.now.toISOString(), tx.actor.userId],
  );
}
