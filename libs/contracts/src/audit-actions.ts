import { HANDOFF_STATUSES, type HandoffStatus } from './vocabulary.js';

// Audit actions name what happened, in the past tense, like the event names (`call.answered`, `handoff.accepted`):
// `<what it happened to>.<what happened>`. A status change is named by the status reached.

const HANDOFF_AUDIT_ACTIONS = HANDOFF_STATUSES.map((s): `handoff.${HandoffStatus}` => `handoff.${s}`);

export const AUDIT_ACTIONS = [
  'admission.administrative-requested',
  'admission.created',
  'admission.ended',
  'admission.guardian-notified',
  'admission.listed',
  'agency.created',
  'agency.updated',
  'agency.webhook-secret-rotated',
  'alert.acknowledged',
  'alert.raised',
  'audit.queried',
  'audit.unusual-queried',
  'auth.logged-in',
  'auth.logged-out',
  'auth.login-failed',
  'bed-request.created',
  'call.answered',
  'call.client-linked',
  'call.client-unlinked',
  'call.create-replayed',
  'call.created',
  'call.ended',
  'call.read',
  'call.taken-over',
  'client.created',
  'client.history-read',
  'client.history-read-refused',
  'client.match-shown',
  'client.read',
  'client.read-refused',
  'client.safety-plan-update-refused',
  'client.safety-plan-updated',
  'client.searched',
  'client.update-refused',
  'client.updated',
  'demo.seeded',
  'dispatch.accepted',
  'dispatch.declined',
  'dispatch.offered',
  'dispatch.withdrawn',
  'follow-up.attempted',
  'follow-up.completed',
  'follow-up.created',
  'follow-up.handed-back',
  'follow-up.read',
  'handoff.contact-confirmed',
  'handoff.fhir-exported',
  'handoff.listed',
  'handoff.read',
  ...HANDOFF_AUDIT_ACTIONS,
  'holidays.replaced',
  'hospital.beds-updated',
  'incident.call-attached',
  'incident.cancelled',
  'incident.closed',
  'incident.created',
  'incident.eido-exported',
  'incident.listed',
  'incident.read',
  'incident.similar-searched',
  'region.imported',
  'shift.created',
  'shift.deleted',
  'skills.replaced',
  'team.created',
  'team.status-changed',
  'team.updated',
  'triage.assessed',
  'triage.history-read',
  'triage.overridden',
  'user.created',
  'user.password-changed',
  'user.password-reset',
  'user.updated',
  'webhook.handoff-sent',
  'webhook.retried',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The actions on a client's record that are checked against the caller's scope. */
export type ClientRecordAction =
  'client.read' | 'client.history-read' | 'client.updated' | 'client.safety-plan-updated';

/** What a refused attempt at `action` is logged as: what was attempted, refused. */
export function refusalOf(action: ClientRecordAction): AuditAction {
  switch (action) {
    case 'client.read':
      return 'client.read-refused';
    case 'client.history-read':
      return 'client.history-read-refused';
    case 'client.updated':
      return 'client.update-refused';
    case 'client.safety-plan-updated':
      return 'client.safety-plan-update-refused';
  }
}

/**
 * Actions that read a person's record (as opposed to changing it), for the PIPA access-log review. A refused read
 * is an attempt to read and is reviewed alike. Shown client matches (`client.match-shown`) are pushed to the
 * counselor of the call, not asked for.
 */
export const RECORD_READ_ACTIONS = [
  'call.read',
  'client.history-read',
  'client.read',
  'client.read-refused',
  'client.searched',
  'follow-up.read',
  'handoff.read',
  'incident.read',
  'incident.similar-searched',
  'triage.history-read',
] as const satisfies readonly AuditAction[];

/**
 * The names audit rows written before the past-tense vocabulary carry (migration 1763801100000). The audit table is
 * append-only and hash-chained over `action`, so those rows keep their names; readers translate them here, in one
 * place. Names that did not change are not listed.
 */
export const LEGACY_AUDIT_ACTIONS = {
  'agency.create': 'agency.created',
  'agency.update': 'agency.updated',
  'alert.ack': 'alert.acknowledged',
  'alert.raise': 'alert.raised',
  'audit.query': 'audit.queried',
  'audit.unusual-query': 'audit.unusual-queried',
  'auth.login': 'auth.logged-in',
  'auth.logout': 'auth.logged-out',
  'bed-request.create': 'bed-request.created',
  'call.answer': 'call.answered',
  'call.create': 'call.created',
  'call.end': 'call.ended',
  'call.link-client': 'call.client-linked',
  'call.takeover': 'call.taken-over',
  'call.unlink-client': 'call.client-unlinked',
  'client.create': 'client.created',
  'client.safety-plan-update': 'client.safety-plan-updated',
  'client.search': 'client.searched',
  'client.update': 'client.updated',
  'demo.seed': 'demo.seeded',
  'dispatch.accept': 'dispatch.accepted',
  'dispatch.decline': 'dispatch.declined',
  'dispatch.offer': 'dispatch.offered',
  'dispatch.withdraw': 'dispatch.withdrawn',
  'follow-up.attempt': 'follow-up.attempted',
  'follow-up.complete': 'follow-up.completed',
  'follow-up.create': 'follow-up.created',
  'follow-up.hand-back': 'follow-up.handed-back',
  'handoff.accept': 'handoff.accepted',
  'handoff.cancel': 'handoff.cancelled',
  'handoff.complete': 'handoff.completed',
  'handoff.contact-confirm': 'handoff.contact-confirmed',
  'handoff.decline': 'handoff.declined',
  'handoff.fhir': 'handoff.fhir-exported',
  'handoff.list': 'handoff.listed',
  'handoff.request': 'handoff.requested',
  'handoff.withdraw': 'handoff.withdrawn',
  'hospital.beds': 'hospital.beds-updated',
  'incident.attach-call': 'incident.call-attached',
  'incident.cancel': 'incident.cancelled',
  'incident.close': 'incident.closed',
  'incident.create': 'incident.created',
  'incident.eido': 'incident.eido-exported',
  'incident.list': 'incident.listed',
  'incident.similar-search': 'incident.similar-searched',
  'region.import': 'region.imported',
  'shift.create': 'shift.created',
  'shift.delete': 'shift.deleted',
  'skills.replace': 'skills.replaced',
  'team.create': 'team.created',
  'team.status': 'team.status-changed',
  'team.update': 'team.updated',
  'triage.assess': 'triage.assessed',
  'triage.override': 'triage.overridden',
  'triage.read-history': 'triage.history-read',
  'user.create': 'user.created',
  'user.password-change': 'user.password-changed',
  'user.update': 'user.updated',
} as const satisfies Record<string, AuditAction>;
export type LegacyAuditAction = keyof typeof LEGACY_AUDIT_ACTIONS;
/** What the `action` column may hold: today's names, and the old names of rows written before the rename. */
export type StoredAuditAction = AuditAction | LegacyAuditAction;

function isLegacyAuditAction(stored: string): stored is LegacyAuditAction {
  return Object.hasOwn(LEGACY_AUDIT_ACTIONS, stored);
}

/** The current name of a stored action: the one function every reader of the audit table goes through. */
export function auditActionOf(stored: StoredAuditAction): AuditAction {
  return isLegacyAuditAction(stored) ? LEGACY_AUDIT_ACTIONS[stored] : stored;
}

/** Every name the `action` column may hold for these actions (theirs and their old ones), for queries. */
export function storedNamesOf(actions: readonly AuditAction[]): StoredAuditAction[] {
  const wanted = new Set<AuditAction>(actions);
  const legacy = Object.keys(LEGACY_AUDIT_ACTIONS)
    .filter(isLegacyAuditAction)
    .filter((old) => wanted.has(LEGACY_AUDIT_ACTIONS[old]));
  return [...actions, ...legacy];
}
