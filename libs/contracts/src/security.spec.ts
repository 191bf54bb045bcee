import { isStorableText, unstorableTextField, updateUserSchema } from './security.js';

describe('text PostgreSQL cannot store', () => {
  it('refuses NUL and unpaired surrogates, accepts paired ones and everything else', () => {
    expect(isStorableText('서울 중구 세종대로 110 🚑')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('x\ud800')).toBe(false);
    expect(isStorableText('\udc00x')).toBe(false);
    expect(isStorableText('\ud83d\ude91')).toBe(true);
  });

  it('names the first field holding such text, as validation errors name fields', () => {
    expect(unstorableTextField({ location: { address: 'ok', note: 'a\u0000' } })).toBe('location.note');
    expect(unstorableTextField({ phoneNumbers: ['010', '\u0000'] })).toBe('phoneNumbers[1]');
    expect(unstorableTextField({ ['a\u0000']: 1 })).toBe('(a key)');
    expect(unstorableTextField('\u0000')).toBe('(body)');
    expect(unstorableTextField({ n: 1, b: true, s: 'fine', l: [null] })).toBeNull();
  });
});

describe('PATCH /users/:id body', () => {
  it('is partial but not empty, and strict', () => {
    expect(updateUserSchema.safeParse({ active: false }).success).toBe(true);
    expect(updateUserSchema.safeParse({ teamId: null }).success).toBe(true);
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ password: 'x'.repeat(12) }).success).toBe(false);
  });
});
