import { Injectable } from '@nestjs/common';
import { findRegion, geometryBBox, parseRegionCollection } from '#geo';
import type { LatLng, RegionCollection } from '#contracts';
import type { Actor } from '../common/actor.js';
import { validationFailed } from '../common/errors.js';
import { Db, type Queryable } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import {
  regionCollection,
  regionShapes,
  regionsVersion,
  upsertRegion,
  type RegionShape,
} from './regions.repository.js';

export type { RegionShape } from './regions.repository.js';

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
    private readonly db: Db,
    private readonly uow: UnitOfWork,
  ) {}

  collection(): Promise<RegionCollection> {
    return regionCollection(this.db);
  }

  async shapes(): Promise<RegionShape[]> {
    return this.shapesOf(await regionsVersion(this.db), this.db);
  }

  /**
   * The region at `point`, for a caller inside a transaction that has read the regions' version already
   * (REGIONS_VERSION_SQL): a stale cache is refilled through that transaction, never a second pooled connection
   * (a burst of creates holding every connection would wait on each other).
   */
  async regionAt(point: LatLng, version: string, db: Queryable): Promise<RegionShape | null> {
    return findRegion(point, await this.shapesOf(version, db));
  }

  private async shapesOf(version: string, db: Queryable): Promise<RegionShape[]> {
    if (this.cache && this.cache.version === version) return this.cache.regions;
    const regions = await regionShapes(db);
    this.cache = { version, regions };
    return regions;
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
        if (await upsertRegion(tx, { ...r, bbox: geometryBBox(r.geometry) })) created++;
        else updated++;
      }
      await tx.audit({ action: 'region.imported', entityType: 'region', details: { created, updated } });
      return { created, updated, total: parsed.regions.length };
    });
  }
}
