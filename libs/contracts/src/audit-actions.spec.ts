import {
  AUDIT_ACTIONS,
  auditActionOf,
  LEGACY_AUDIT_ACTIONS,
  RECORD_READ_ACTIONS,
  refusalOf,
  storedNamesOf,
  type LegacyAuditAction,
} from './audit-actions.js';
import { EVENT_TYPES } from './events.js';

// Imperative verbs and nouns the old names ended in; a current name must not end like this.
const NOT_PAST_TENSE =
  /\.(?:[a-z-]+-)?(create|update|delete|answer|end|search|query|import|offer|accept|decline|withdraw|cancel|close|raise|ack|list|request|replace|assess|override|attempt|complete|status|beds|login|logout|takeover|fhir|eido|seed)$/;

describe('audit actions', () => {
  it('are unique and named <subject>.<what happened> in the past tense', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(action).not.toMatch(NOT_PAST_TENSE);
    }
  });

  it('use the event name where an action and an event record the same change', () => {
    const shared = EVENT_TYPES.filter((t) => (AUDIT_ACTIONS as readonly string[]).includes(t));
    expect(shared).toEqual(
      expect.arrayContaining([
        'call.created',
        'incident.created',
        'dispatch.offered',
        'alert.raised',
        'admission.created',
      ]),
    );
  });

  it('translates every old name to a current one and leaves current names alone', () => {
    expect(auditActionOf('call.answer')).toBe('call.answered');
    expect(auditActionOf('dispatch.offer')).toBe('dispatch.offered');
    expect(auditActionOf('triage.read-history')).toBe('triage.history-read');
    expect(auditActionOf('call.answered')).toBe('call.answered');
    expect(auditActionOf('client.read')).toBe('client.read');
    for (const old of Object.keys(LEGACY_AUDIT_ACTIONS) as LegacyAuditAction[]) {
      expect(AUDIT_ACTIONS).toContain(auditActionOf(old));
      // An old name that is also a current one would be translated away from itself.
      expect(AUDIT_ACTIONS).not.toContain(old);
    }
  });

  it('queries record reads under their current and their old names', () => {
    const names = storedNamesOf(RECORD_READ_ACTIONS);
    expect(names).toEqual(expect.arrayContaining([...RECORD_READ_ACTIONS, 'client.search', 'incident.similar-search']));
    expect(names).toContain('triage.read-history');
    expect(names).not.toContain('client.create');
    expect(storedNamesOf(['call.answered'])).toEqual(['call.answered', 'call.answer']);
  });

  it('names a refusal for every checked action on a client record', () => {
    for (const refused of (
      ['client.read', 'client.history-read', 'client.updated', 'client.safety-plan-updated'] as const
    ).map(refusalOf)) {
      expect(refused).toMatch(/-refused$/);
      expect(AUDIT_ACTIONS).toContain(refused);
    }
  });
});
