import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { assertActive, assertMayActOn } from './call-ownership.js';

const actor = (userId: string, role: Actor['role'] = 'counselor'): Actor => ({
  userId,
  username: userId,
  role,
  ip: null,
  userAgent: null,
});
const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('call ownership', () => {
  it('lets the owner act and refuses another counselor on an active call', () => {
    expect(codeOf(() => assertMayActOn({ status: 'active', counselor_id: 'me' }, actor('me')))).toBeNull();
    expect(codeOf(() => assertMayActOn({ status: 'active', counselor_id: 'other' }, actor('me')))).toBe('FORBIDDEN');
  });

  it('does not bind supervisors or coordinators, nor ringing and ended calls', () => {
    expect(
      codeOf(() => assertMayActOn({ status: 'active', counselor_id: 'other' }, actor('s', 'supervisor'))),
    ).toBeNull();
    expect(
      codeOf(() => assertMayActOn({ status: 'active', counselor_id: 'other' }, actor('c', 'coordinator'))),
    ).toBeNull();
    expect(codeOf(() => assertMayActOn({ status: 'ringing', counselor_id: null }, actor('me')))).toBeNull();
    expect(codeOf(() => assertMayActOn({ status: 'ended', counselor_id: 'other' }, actor('me')))).toBeNull();
  });

  it('needs an answered, not ended call for triage and ending', () => {
    expect(codeOf(() => assertActive({ status: 'active' }, 'triage'))).toBeNull();
    expect(codeOf(() => assertActive({ status: 'ringing' }, 'triage'))).toBe('STATE_CHANGED');
    expect(codeOf(() => assertActive({ status: 'ended' }, 'triage'))).toBe('STATE_CHANGED');
  });
});
