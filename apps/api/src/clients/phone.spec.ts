import { normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['010-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['01012345678', '01012345678'],
    ['+82 10-1234-5678', '01012345678'],
    ['+821012345678', '01012345678'],
    ['+82 (0)10 1234 5678', '01012345678'],
    ['0082-10-1234-5678', '01012345678'],
    ['00182 10 1234 5678', '01012345678'],
    ['821012345678', '01012345678'],
    ['(02) 123-4567', '021234567'],
    ['+82 2 123 4567', '021234567'],
    ['031-123-4567', '0311234567'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('treats the international and domestic forms of one mobile as the same key', () => {
    expect(normalisePhone('+82 10 0000 0001')).toBe(normalisePhone('010-0000-0001'));
  });

  it('refuses numbers too short to identify a person (short codes, fragments, empty)', () => {
    for (const raw of ['112', '119', '1577', '1234567', '', '---', null, undefined])
      expect(normalisePhone(raw)).toBeNull();
  });

  it('keeps a 1577 service number as it is (no country code to strip)', () => {
    expect(normalisePhone('1577-0199')).toBe('15770199');
  });

  it('does not mistake a number that merely contains 82 for a country code', () => {
    expect(normalisePhone('010-8282-8282')).toBe('01082828282');
  });
});
