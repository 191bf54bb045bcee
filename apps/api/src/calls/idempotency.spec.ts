import { DomainError } from '../common/errors.js';
import { parseIdempotencyKey, requestFingerprint } from './idempotency.js';

describe('Idempotency-Key', () => {
  it('accepts a visible-ASCII key and treats a missing header as no key', () => {
    expect(parseIdempotencyKey('abc-123_X')).toBe('abc-123_X');
    expect(parseIdempotencyKey(undefined)).toBeNull();
  });

  it('refuses an empty, too long or non-ASCII key with 400 naming the header', () => {
    for (const bad of ['', 'a'.repeat(201), 'ключ', 'two words']) {
      try {
        parseIdempotencyKey(bad);
        throw new Error(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).details?.[0]?.field).toBe('Idempotency-Key');
      }
    }
  });

  it('fingerprints by meaning: key order and undefined vs null do not matter, values do', () => {
    const a = requestFingerprint({ channel: 'phone', notes: undefined, callerNumber: '010' });
    const b = requestFingerprint({ callerNumber: '010', channel: 'phone', notes: null });
    expect(a).toBe(b);
    expect(requestFingerprint({ channel: 'text', callerNumber: '010' })).not.toBe(a);
  });
});
