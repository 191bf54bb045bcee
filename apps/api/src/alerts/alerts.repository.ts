import type { AlertKind, AlertSeverity, AlertView } from '#contracts';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import type { RaiseAlert } from './alerts.js';

export interface AlertRow {
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

const SEVERITY_ORDER = `CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/** Open alerts, most severe and newest first; or the latest 500 of all. */
export async function listAlerts(db: Queryable, open: boolean): Promise<AlertView[]> {
  const rows = await db.query<AlertRow>(
    open
      ? `SELECT * FROM alert WHERE acknowledged_at IS NULL ORDER BY ${SEVERITY_ORDER}, raised_at DESC`
      : `SELECT * FROM alert ORDER BY raised_at DESC LIMIT 500`,
  );
  return rows.map(toAlertView);
}

export async function loadAlert(tx: Tx, id: string): Promise<AlertRow | undefined> {
  return tx.one<AlertRow>(`SELECT * FROM alert WHERE id = $1`, [id]);
}

/** The first acknowledgement of an open alert; undefined when it is acknowledged already (or there is none). */
export async function acknowledgeAlert(tx: Tx, id: string): Promise<AlertRow | undefined> {
  return tx.one<AlertRow>(
    `UPDATE alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL RETURNING *`,
    [id, tx.now.toISOString(), tx.actor.userId],
  );
}

/** A new open alert; undefined when an open alert with the same dedupe key exists. */
export async function insertAlert(tx: Tx, a: RaiseAlert): Promise<AlertRow | undefined> {
  return tx.one<AlertRow>(
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
}

/** The open (unacknowledged) alert with this dedupe key, if any. */
export async function openAlertByKey(tx: Tx, dedupeKey: string): Promise<AlertView | undefined> {
  const row = await tx.one<AlertRow>(`SELECT * FROM alert WHERE dedupe_key = $1 AND acknowledged_at IS NULL`, [
    dedupeKey,
  ]);
  return row ? toAlertView(row) : undefined;
}

/** Acknowledges every open alert of an incident that has ended (by the actor who ended it). */
export async function resolveIncidentAlerts(tx: Tx, incidentId: string): Promise<void> {
  await tx.query(
    `UPDATE alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE incident_id = $1 AND acknowledged_at IS NULL`,
    [incidentId, tx.now.toISOString(), tx.actor.userId],
  );
}
