import type { PutSkillsRequest, SkillView } from '#contracts';
import type { Queryable } from '../database/db.js';
import type { Tx } from '../database/tx.js';

export async function listSkills(db: Queryable): Promise<SkillView[]> {
  return db.query<SkillView>(`SELECT code, label, label_ko AS "labelKo" FROM skill ORDER BY position, code`);
}

/**
 * The codes among `codes` that are not in the vocabulary. The ones that are get a share lock until commit, so a
 * concurrent PUT /skills cannot remove a code between this check and the team row that uses it.
 */
export async function unknownSkills(tx: Tx, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return [];
  const known = await tx.query<{ code: string }>(
    `SELECT code FROM skill WHERE code = ANY($1::text[]) ORDER BY code FOR SHARE`,
    [wanted],
  );
  const found = new Set(known.map((r) => r.code));
  return wanted.filter((c) => !found.has(c));
}

/**
 * Replaces the vocabulary. Removed codes are deleted first (waiting on any team write that holds them), then the
 * caller checks that no team still carries one; upserts keep the order given.
 */
export async function replaceSkills(tx: Tx, skills: PutSkillsRequest): Promise<string[]> {
  const removed = await tx.query<{ code: string }>(
    `DELETE FROM skill WHERE NOT (code = ANY($1::text[])) RETURNING code`,
    [skills.map((s) => s.code)],
  );
  await tx.query(
    `INSERT INTO skill (code, label, label_ko, position)
     SELECT code, label, label_ko, position FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(code, label, label_ko, position)
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, label_ko = EXCLUDED.label_ko, position = EXCLUDED.position`,
    [skills.map((s) => s.code), skills.map((s) => s.label), skills.map((s) => s.labelKo)],
  );
  return removed.map((r) => r.code);
}

/** Of `codes`, those some team still carries, with one callsign each (for the message). */
export async function skillsInUse(tx: Tx, codes: readonly string[]): Promise<{ code: string; callsign: string }[]> {
  if (!codes.length) return [];
  return tx.query<{ code: string; callsign: string }>(
    `SELECT DISTINCT ON (s.code) s.code, t.callsign FROM team t, unnest(t.skills) AS s(code)
     WHERE s.code = ANY($1::text[]) ORDER BY s.code, t.callsign`,
    [codes],
  );
}
