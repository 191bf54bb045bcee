import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { clientScope, inScope } from './client-scope.js';

const actor = (role: Actor['role'], agencyId?: string): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  agencyId,
  ip: null,
  userAgent: null,
});

describe('client scope', () => {
  it('gives the hotline and the control room every client', () => {
    for (const role of ['counselor', 'coordinator', 'supervisor'] as const) {
      const scope = clientScope(actor(role), null);
      expect(scope).toEqual({ kind: 'all' });
      expect(inScope(scope, null)).toBe(true);
      expect(inScope(scope, 'c1')).toBe(true);
    }
  });

  it('gives a community centre its own clients only', () => {
    const scope = clientScope(actor('agency', 'c1'), 'community');
    expect(inScope(scope, 'c1')).toBe(true);
    expect(inScope(scope, 'c2')).toBe(false);
    expect(inScope(scope, null)).toBe(false);
  });

  it('refuses other partners', () => {
    for (const kind of ['hospital', 'police', 'fire'] as const) {
      expect(() => clientScope(actor('agency', 'h1'), kind)).toThrow(DomainError);
    }
    expect(() => clientScope(actor('agency'), null)).toThrow(DomainError);
  });
});
