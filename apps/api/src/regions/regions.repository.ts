import type { AreaGeometry, RegionCollection } from '#contracts';
import { DomainError } from '../common/errors.js';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';

export interface RegionShape {
  id: string;
  code: string;
  name: string;
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

/** A region as the import writes it (parsed and checked by libs/geo). */
export interface RegionInput {
  code: string;
  name: string;
  nameKo: string | null;
  population: number | null;
  geometry: AreaGeometry;
  bbox: number[];
}

interface FeatureRow {
  id: string;
  code: string;
  name: string;
  name_ko: string | null;
  population: number | null;
  geometry: AreaGeometry;
}

/** GET /regions: every region as a GeoJSON feature, by code. */
export async function regionCollection(db: Queryable): Promise<RegionCollection> {
  const rows = await db.query<FeatureRow>(
    `SELECT id, code, name, name_ko, population, geometry FROM region ORDER BY code`,
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: r.geometry,
      properties: { code: r.code, name: r.name, nameKo: r.name_ko, population: r.population },
    })),
  };
}

/**
 * Changes whenever a region is imported (on any instance): the key of the region cache. An expression, so a
 * statement that runs anyway can carry it (the incident create's first read) instead of a round trip of its own.
 */
export const REGIONS_VERSION_SQL = `(SELECT coalesce(max(updated_at)::text, '') || ':' || count(*) FROM region)`;

export async function regionsVersion(db: Queryable): Promise<string> {
  const row = await db.one<{ version: string }>(`SELECT ${REGIONS_VERSION_SQL} AS version`);
  return row?.version ?? '';
}

export async function regionShapes(db: Queryable): Promise<RegionShape[]> {
  return db.query<RegionShape>(`SELECT id, code, name, geometry, bbox FROM region`);
}

/** Each region's population (null when the import did not give one), by code: the staffing plan's input. */
export async function regionPopulations(
  db: Queryable,
): Promise<{ id: string; code: string; name: string; population: number | null }[]> {
  return db.query(`SELECT id, code, name, population FROM region ORDER BY code`);
}

/** Every region by name, for the coverage board. */
export async function regionNames(db: Queryable): Promise<{ id: string; code: string; name: string }[]> {
  return db.query(`SELECT id, code, name FROM region ORDER BY name`);
}

/** Inserts the region or updates the one with its code; true when it was new. */
export async function upsertRegion(tx: Tx, r: RegionInput): Promise<boolean> {
  const row = await tx.one<{ inserted: boolean }>(
    `INSERT INTO region (code, name, name_ko, population, geometry, bbox)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
       name_ko = coalesce(EXCLUDED.name_ko, region.name_ko),
       population = coalesce(EXCLUDED.population, region.population),
       geometry = EXCLUDED.geometry, bbox = EXCLUDED.bbox, updated_at = now()
     RETURNING (xmax = 0) AS inserted`,
    [r.code, r.name, r.nameKo, r.population, JSON.stringify(r.geometry), r.bbox],
  );
  return row?.inserted === true;
}

export async function regionExists(tx: Tx, id: string): Promise<boolean> {
  return Boolean(await tx.one(`SELECT 1 FROM region WHERE id = $1`, [id]));
}

/** Refuses region ids that do not exist with a 400 naming `field`. */
export async function requireRegions(tx: Tx, ids: readonly string[], field: string): Promise<void> {
  if (!ids.length) return;
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM region WHERE id = ANY($1::uuid[])`, [
    [...ids],
  ]);
  if (row?.n !== new Set(ids).size)
    throw new DomainError('VALIDATION_FAILED', `${field}: no such region`, [{ field, message: 'no such region' }]);
}
