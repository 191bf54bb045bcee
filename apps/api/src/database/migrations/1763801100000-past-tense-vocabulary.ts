import type { MigrationInterface, QueryRunner } from 'typeorm';

// One vocabulary (issue 14): timeline entry types in the past tense, like the event names. Stored entries are
// renamed so every reader sees one set of names (libs/contracts/src/timeline.ts).
// Audit rows are NOT renamed: the audit table is append-only and each row's hash covers `action`
// (1763800500000-security), so rewriting them would break the chain `npm run audit:verify` checks. Rows written
// before this migration keep their old action names, and readers translate them with auditActionOf
// (libs/contracts/src/audit-actions.ts).
const RENAMED_TIMELINE_TYPES: [old: string, current: string][] = [
  ['admission.emergency', 'admission.created'],
  ['call.takeover', 'call.taken-over'],
  ['handoff.bed-request', 'bed-request.created'],
  ['region.unknown', 'region.not-found'],
  ['team.checkin', 'team.checked-in'],
  ['triage.done', 'triage.assessed'],
  ['triage.override', 'triage.overridden'],
];

async function renameTimelineTypes(q: QueryRunner, pairs: [from: string, to: string][]): Promise<void> {
  await q.query(
    `UPDATE timeline t SET type = r.to_type
     FROM unnest($1::text[], $2::text[]) AS r(from_type, to_type)
     WHERE t.type = r.from_type`,
    [pairs.map(([from]) => from), pairs.map(([, to]) => to)],
  );
}

export class PastTenseVocabulary1763801100000 implements MigrationInterface {
  name = 'PastTenseVocabulary1763801100000';

  async up(q: QueryRunner): Promise<void> {
    await renameTimelineTypes(q, RENAMED_TIMELINE_TYPES);
  }

  async down(q: QueryRunner): Promise<void> {
    await renameTimelineTypes(
      q,
      RENAMED_TIMELINE_TYPES.map(([old, current]) => [current, old]),
    );
  }
}
