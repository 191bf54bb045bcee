import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyCreatedView, AgencyKind, AgencyView, CreateAgencyRequest } from '#contracts';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { UnitOfWork } from '../database/tx.js';
import { newWebhookSecret } from '../webhooks/signing.js';

interface AgencyRow {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
  region_ids: string[];
  lat: number;
  lng: number;
  beds_available: number | null;
  accepting?: boolean;
  beds_updated_at?: Date | null;
}

const toView = (r: AgencyRow): AgencyView => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  name: r.name,
  regionIds: r.region_ids,
  location: { lat: r.lat, lng: r.lng },
  bedsAvailable: r.beds_available,
  accepting: r.accepting ?? true,
  bedsUpdatedAt: r.beds_updated_at?.toISOString() ?? null,
});

@Injectable()
export class AgenciesService {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async list(kind?: AgencyKind): Promise<AgencyView[]> {
    const rows = await this.ds.query<AgencyRow[]>(
      `SELECT id, code, kind, name, region_ids, lat, lng, beds_available, accepting, beds_updated_at FROM agency WHERE ($1::text IS NULL OR kind = $1) ORDER BY kind, name`,
      [kind ?? null],
    );
    return rows.map(toView);
  }

  /** With a webhook URL the answer carries the signing secret: the only time it is shown. */
  create(actor: Actor, req: CreateAgencyRequest): Promise<AgencyCreatedView> {
    return this.uow.run(actor, async (tx) => {
      if (req.regionIds.length) {
        const [{ n }] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM region WHERE id = ANY($1::uuid[])`,
          [req.regionIds],
        );
        if (n !== new Set(req.regionIds).size)
          throw new DomainError('VALIDATION_FAILED', 'regionIds: unknown region', [
            { field: 'regionIds', message: 'unknown region' },
          ]);
      }
      const webhookSecret = req.webhookUrl ? newWebhookSecret() : null;
      const row = await tx.one<AgencyRow>(
        `INSERT INTO agency (code, kind, name, region_ids, lat, lng, webhook_url, webhook_secret, contact) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (code) DO NOTHING RETURNING id, code, kind, name, region_ids, lat, lng, beds_available`,
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
      if (!row)
        throw new DomainError('DUPLICATE', `Agency code ${req.code} exists`, [
          { field: 'code', message: 'already exists' },
        ]);
      await tx.audit({
        action: 'agency.create',
        entityType: 'agency',
        entityId: row.id,
        details: { kind: row.kind, webhook: webhookSecret !== null },
      });
      return webhookSecret ? { ...toView(row), webhookSecret } : toView(row);
    });
  }
}
