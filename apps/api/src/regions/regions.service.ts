import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findRegion, geometryBBox, parseRegionCollection } from '#geo';
import type { AreaGeometry, LatLng, RegionCollection } from '#contracts';
import type { Actor } from '../common/actor.js';
import { validationFailed } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';

interface RegionRow {
  id: string;
  code: string;
  name: string;
  name_ko: string | null;
  population: number | null;
  geometry: AreaGeometry;
  bbox: number[];
}

export interface RegionShape {
  id: string;
  code: string;
  name: string;
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

export interface ImportOptions {
  nameProperty: string;
  codeProperty: string;
  nameKoProperty?: string;
  populationProperty?: string;
}

@Injectable()
export class RegionsService {
  // Regions change rarely (an import) but are read on every incident; the cache is keyed by a cheap version
  // query so an import on another instance is seen at once.
  private cache: { version: string; regions: RegionShape[] } | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async collection(): Promise<RegionCollection> {
    const rows = await this.ds.query<RegionRow[]>(
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

  async shapes(): Promise<RegionShape[]> {
    const [v] = await this.ds.query<
      {
        version: string;
      }[]
    >(`SELECT coalesce(max(updated_at)::text, '') || ':' || count(*) AS version FROM region`);
    if (this.cache && this.cache.version === v?.version) return this.cache.regions;
    const rows = await this.ds.query<RegionRow[]>(`SELECT id, code, name, geometry, bbox FROM region`);
    const regions = rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      geometry: r.geometry,
      bbox: r.bbox as [number, number, number, number],
    }));
    this.cache = { version: v?.version ?? '', regions };
    return regions;
  }

  async regionAt(point: LatLng): Promise<RegionShape | null> {
    return findRegion(point, await this.shapes());
  }

  async import(
    actor: Actor,
    body: unknown,
    opts: ImportOptions,
  ): Promise<{ created: number; updated: number; total: number }> {
    const parsed = parseRegionCollection(body, opts);
    if (!parsed.ok) throw validationFailed(parsed.errors);
    return this.uow.run(actor, async (tx) => {
      let created = 0;
      let updated = 0;
      for (const r of parsed.regions) {
        const [row] = await tx.query<{ inserted: boolean }>(
          `INSERT INTO region (code, name, name_ko, population, geometry, bbox)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
             name_ko = coalesce(EXCLUDED.name_ko, region.name_ko),
             population = coalesce(EXCLUDED.population, region.population),
             geometry = EXCLUDED.geometry, bbox = EXCLUDED.bbox, updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [r.code, r.name, r.nameKo, r.population, JSON.stringify(r.geometry), geometryBBox(r.geometry)],
        );
        if (row?.inserted) created++;
        else updated++;
      }
      await tx.audit({ action: 'region.import', entityType: 'region', details: { created, updated } });
      return { created, updated, total: parsed.regions.length };
    });
  }
}
