import type { AgencyAdminView, AgencyKind, PatchAgencyRequest } from '#contracts';
import type { Tx } from '../database/tx.js';

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

interface AgencyAdminRow {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  region_ids: string[];
  lat: number;
  lng: number;
  contact: string | null;
  webhook_url: string | null;
}

const COLUMNS = `id, code, kind, name, region_ids, lat, lng, contact, webhook_url`;

const toView = (r: AgencyAdminRow): AgencyAdminView => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  name: r.name,
  regionIds: r.region_ids,
  location: { lat: r.lat, lng: r.lng },
  contact: r.contact,
  webhookUrl: r.webhook_url,
});

export async function listAgenciesForAdmin(query: Query): Promise<AgencyAdminView[]> {
  return (await query<AgencyAdminRow>(`SELECT ${COLUMNS} FROM agency ORDER BY kind, name`)).map(toView);
}

/**
 * A partial update: an absent field keeps its value, `null` clears contact or webhook URL (hence the "given"
 * flags rather than coalesce for those two). Undefined when there is no such agency.
 */
export async function updateAgency(tx: Tx, id: string, p: PatchAgencyRequest): Promise<AgencyAdminView | undefined> {
  const row = await tx.one<AgencyAdminRow>(
    `UPDATE agency SET
       name = coalesce($2, name),
       kind = coalesce($3, kind),
       region_ids = coalesce($4, region_ids),
       lat = coalesce($5, lat),
       lng = coalesce($6, lng),
       contact = CASE WHEN $7 THEN $8 ELSE contact END,
       webhook_url = CASE WHEN $9 THEN $10 ELSE webhook_url END
     WHERE id = $1
     RETURNING ${COLUMNS}`,
    [
      id,
      p.name ?? null,
      p.kind ?? null,
      p.regionIds ?? null,
      p.location?.lat ?? null,
      p.location?.lng ?? null,
      p.contact !== undefined,
      p.contact || null,
      p.webhookUrl !== undefined,
      p.webhookUrl ?? null,
    ],
  );
  return row ? toView(row) : undefined;
}
