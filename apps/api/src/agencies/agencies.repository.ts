import type {
  AgencyAdminView,
  AgencyKind,
  AgencyView,
  BedsView,
  CreateAgencyRequest,
  PatchAgencyRequest,
} from '#contracts';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';
import { updateGivenColumns } from '../database/partial-update.js';

/** The agency table: partners (hospitals, police, fire, community centres) as everyone sees them and as the admin edits them. */
export interface AgencyRow {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  region_ids: string[];
  lat: number;
  lng: number;
  beds_available: number | null;
  accepting: boolean;
  beds_updated_at: Date | null;
}

const AGENCY_COLUMNS = `id, code, kind, name, region_ids, lat, lng, beds_available, accepting, beds_updated_at`;

type AgencyIdentityRow = Pick<AgencyRow, 'id' | 'code' | 'kind' | 'name' | 'region_ids' | 'lat' | 'lng'>;

/** What every view of an agency starts with. */
function identityOf(
  r: AgencyIdentityRow,
): Pick<AgencyView, 'id' | 'code' | 'kind' | 'name' | 'regionIds' | 'location'> {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    name: r.name,
    regionIds: r.region_ids,
    location: { lat: r.lat, lng: r.lng },
  };
}

export function toAgencyView(r: AgencyRow): AgencyView {
  return {
    ...identityOf(r),
    bedsAvailable: r.beds_available,
    accepting: r.accepting,
    bedsUpdatedAt: r.beds_updated_at?.toISOString() ?? null,
  };
}

export async function listAgencies(db: Queryable, kind: AgencyKind | null): Promise<AgencyView[]> {
  const rows = await db.query<AgencyRow>(
    `SELECT ${AGENCY_COLUMNS} FROM agency WHERE ($1::text IS NULL OR kind = $1) ORDER BY kind, name`,
    [kind],
  );
  return rows.map(toAgencyView);
}

export async function loadAgencies(tx: Tx, ids: readonly string[]): Promise<AgencyRow[]> {
  return tx.query<AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function loadAgency(tx: Tx, id: string): Promise<AgencyRow | undefined> {
  return tx.one<AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE id = $1`, [id]);
}

export async function loadHospitals(tx: Tx): Promise<AgencyRow[]> {
  return tx.query<AgencyRow>(`SELECT ${AGENCY_COLUMNS} FROM agency WHERE kind = 'hospital' ORDER BY name, id`);
}

export async function agencyExists(q: Queryable, agencyId: string): Promise<boolean> {
  return (await q.one(`SELECT 1 FROM agency WHERE id = $1`, [agencyId])) !== undefined;
}

/** Replaces the agency's webhook signing secret; false when there is no such agency. */
export async function setWebhookSecret(tx: Tx, agencyId: string, secret: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(`UPDATE agency SET webhook_secret = $2 WHERE id = $1 RETURNING id`, [
    agencyId,
    secret,
  ]);
  return rows.length > 0;
}

/** The agency's kind, or null when there is no such agency. */
export async function agencyKind(q: Queryable, agencyId: string): Promise<AgencyKind | null> {
  return (await q.one<{ kind: AgencyKind }>(`SELECT kind FROM agency WHERE id = $1`, [agencyId]))?.kind ?? null;
}

/** The community centre of a district (the first by code when a district has several). */
export async function communityCentreOf(tx: Tx, regionId: string | null): Promise<string | null> {
  if (!regionId) return null;
  const row = await tx.one<{ id: string }>(
    `SELECT id FROM agency WHERE kind = 'community' AND region_ids @> ARRAY[$1::uuid] ORDER BY code LIMIT 1`,
    [regionId],
  );
  return row?.id ?? null;
}

/** The districts an agency serves (its users' tokens carry them). */
export async function agencyRegionIds(q: Queryable, agencyId: string): Promise<string[]> {
  return (
    (await q.one<{ region_ids: string[] }>(`SELECT region_ids FROM agency WHERE id = $1`, [agencyId]))?.region_ids ?? []
  );
}

/** A new agency; undefined when its code is taken (the unique constraint decides). */
export async function insertAgency(
  tx: Tx,
  req: CreateAgencyRequest,
  webhookSecret: string | null,
): Promise<AgencyRow | undefined> {
  return tx.one<AgencyRow>(
    `INSERT INTO agency (code, kind, name, region_ids, lat, lng, webhook_url, webhook_secret, contact) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (code) DO NOTHING RETURNING ${AGENCY_COLUMNS}`,
    [
      req.code,
      req.kind,
      req.name,
      req.regionIds,
      req.location.lat,
      req.location.lng,
      req.webhookUrl ?? null,
      webhookSecret,
      req.contact || null,
    ],
  );
}

/** A hospital's bed report; undefined when the agency is not a hospital. */
export async function updateBeds(
  tx: Tx,
  agencyId: string,
  available: number,
  accepting: boolean,
): Promise<BedsView | undefined> {
  const row = await tx.one<{ beds_available: number; accepting: boolean; beds_updated_at: Date }>(
    `UPDATE agency SET beds_available = $2, accepting = $3, beds_updated_at = $4 WHERE id = $1 AND kind = 'hospital'
     RETURNING beds_available, accepting, beds_updated_at`,
    [agencyId, available, accepting, tx.now.toISOString()],
  );
  if (!row) return undefined;
  const at = row.beds_updated_at.toISOString();
  return { agencyId, bedsAvailable: row.beds_available, accepting: row.accepting, bedsUpdatedAt: at, updatedAt: at };
}

interface AgencyAdminRow extends AgencyIdentityRow {
  contact: string | null;
  webhook_url: string | null;
}

const ADMIN_COLUMNS = `id, code, kind, name, region_ids, lat, lng, contact, webhook_url`;

const toAdminView = (r: AgencyAdminRow): AgencyAdminView => ({
  ...identityOf(r),
  contact: r.contact,
  webhookUrl: r.webhook_url,
});

export async function listAgenciesForAdmin(db: Queryable): Promise<AgencyAdminView[]> {
  return (await db.query<AgencyAdminRow>(`SELECT ${ADMIN_COLUMNS} FROM agency ORDER BY kind, name`)).map(toAdminView);
}

/** The columns PATCH /agencies may change. */
const AGENCY_PATCH_COLUMNS = ['name', 'kind', 'region_ids', 'lat', 'lng', 'contact', 'webhook_url'] as const;

/** A partial update: an absent field keeps its value. Undefined when there is no such agency. */
export async function updateAgency(tx: Tx, id: string, p: PatchAgencyRequest): Promise<AgencyAdminView | undefined> {
  const update = updateGivenColumns('agency', AGENCY_PATCH_COLUMNS, id, {
    // The two that null clears; an empty contact counts as none.
    contact: p.contact === '' ? null : p.contact,
    webhook_url: p.webhookUrl,
    name: p.name,
    kind: p.kind,
    region_ids: p.regionIds,
    lat: p.location?.lat,
    lng: p.location?.lng,
  });
  const row = await tx.one<AgencyAdminRow>(`${update.text} RETURNING ${ADMIN_COLUMNS}`, update.params);
  return row ? toAdminView(row) : undefined;
}

export interface AgencyPlaceRow {
  id: string;
  name: string;
  kind: 'police' | 'fire';
  lat: number;
  lng: number;
  /** Whether the agency serves the region asked about. */
  in_region: boolean;
}

/** The agencies of a kind, each saying whether it serves `regionId` (none does when it is null). */
export function agenciesOfKind(
  db: Queryable,
  kind: 'police' | 'fire',
  regionId: string | null,
): Promise<AgencyPlaceRow[]> {
  return db.query<AgencyPlaceRow>(
    `SELECT id, name, kind, lat, lng, ($2::uuid IS NOT NULL AND $2::uuid = ANY(region_ids)) AS in_region FROM agency WHERE kind = $1`,
    [kind, regionId],
  );
}
