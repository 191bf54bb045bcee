import type {
  Category,
  CssrsRisk,
  PartnerNotification,
  TriageInput,
  TriageOverride,
  TriageRecord,
  TriageResult,
} from '#contracts';
import type { Tx } from '../database/tx.js';

export interface TriageRow {
  id: string;
  call_id: string;
  input: TriageInput;
  suggested_category: Category;
  category: Category;
  cssrs_risk: CssrsRisk;
  respond_within_minutes: number | null;
  notify: PartnerNotification;
  reasons: string[];
  rules_version: string;
  assessed_at: Date;
  assessed_by: string | null;
  assessed_by_username: string | null;
  override: TriageOverride | null;
  superseded_at: Date | null;
}

const TRIAGE_SELECT = `SELECT t.*, u.username AS assessed_by_username FROM triage t LEFT JOIN app_user u ON u.id = t.assessed_by`;

export function toTriageRecord(r: TriageRow): TriageRecord {
  return {
    id: r.id,
    callId: r.call_id,
    category: r.category,
    cssrsRisk: r.cssrs_risk,
    respondWithinMinutes: r.respond_within_minutes,
    notify: r.notify,
    reasons: r.reasons,
    rulesVersion: r.rules_version,
    input: r.input,
    suggestedCategory: r.suggested_category,
    assessedAt: r.assessed_at.toISOString(),
    assessedBy: r.assessed_by_username ?? 'system',
    override: r.override,
  };
}

/** The one current (not superseded) triage of a call. */
export async function currentTriage(tx: Tx, callId: string): Promise<TriageRow | undefined> {
  return tx.one<TriageRow>(`${TRIAGE_SELECT} WHERE t.call_id = $1 AND t.superseded_at IS NULL`, [callId]);
}

export async function triageById(tx: Tx, id: string): Promise<TriageRow | undefined> {
  return tx.one<TriageRow>(`${TRIAGE_SELECT} WHERE t.id = $1`, [id]);
}

/** Every triage of a call, oldest first: re-triage and overrides supersede rows, never delete them. */
export async function triageHistory(tx: Tx, callId: string): Promise<TriageRow[]> {
  return tx.query<TriageRow>(
    `${TRIAGE_SELECT} WHERE t.call_id = $1 ORDER BY t.assessed_at, t.superseded_at NULLS LAST, t.id`,
    [callId],
  );
}

export interface NewTriage {
  callId: string;
  input: TriageInput;
  suggestedCategory: Category;
  result: TriageResult;
  assessedAt: Date;
  /** User id of the assessor; an override keeps the original assessor and names the overrider in `override.by`. */
  assessedBy: string | null;
  override: TriageOverride | null;
}

/**
 * Supersedes the call's current triage and stores the new one as current, in the caller's transaction.
 * The partial unique index (one current row per call) turns a concurrent double insert into an error
 * instead of two "current" assessments.
 */
export async function replaceCurrentTriage(tx: Tx, t: NewTriage): Promise<TriageRow> {
  await tx.query(`UPDATE triage SET superseded_at = $2 WHERE call_id = $1 AND superseded_at IS NULL`, [
    t.callId,
    tx.now.toISOString(),
  ]);
  const inserted = await tx.one<{ id: string }>(
    `INSERT INTO triage (call_id, input, suggested_category, category, cssrs_risk, respond_within_minutes, notify, reasons,
       rules_version, assessed_at, assessed_by, override)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12::jsonb) RETURNING id`,
    [
      t.callId,
      JSON.stringify(t.input),
      t.suggestedCategory,
      t.result.category,
      t.result.cssrsRisk,
      t.result.respondWithinMinutes,
      JSON.stringify(t.result.notify),
      t.result.reasons,
      t.result.rulesVersion,
      t.assessedAt.toISOString(),
      t.assessedBy,
      t.override ? JSON.stringify(t.override) : null,
    ],
  );
  return (await triageById(tx, inserted!.id))!;
}
