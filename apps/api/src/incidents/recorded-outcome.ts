import type { AuditAction, TimelineType } from '#contracts';
import type { Tx } from '../database/tx.js';
import { appendTimeline } from './incidents.repository.js';

/** A call or a follow-up task: whose record it is and the incident it belongs to, if any. */
interface OutcomeSubject {
  id: string;
  client_id: string | null;
  incident_id: string | null;
}

/** The names an outcome goes under: the audit action, the timeline entry, and the key naming the call or task. */
export interface OutcomeNames {
  action: AuditAction;
  entityType: 'call' | 'follow_up';
  timeline: TimelineType;
  idKey: 'callId' | 'followUpId';
}

/** How a call or a follow-up task went: audited against the person, and on the incident's timeline if it has one. */
export async function recordOutcome(tx: Tx, of: OutcomeSubject, names: OutcomeNames, outcome: string): Promise<void> {
  await tx.audit({
    action: names.action,
    entityType: names.entityType,
    entityId: of.id,
    subjectId: of.client_id,
    details: { outcome },
  });
  if (of.incident_id) await appendTimeline(tx, of.incident_id, names.timeline, { [names.idKey]: of.id, outcome });
}
