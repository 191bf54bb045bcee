import { addressKey } from './address-key.js';

describe('addressKey', () => {
  it('ignores spacing, case and punctuation', () => {
    expect(addressKey('서울 중구 세종대로 110')).toBe(addressKey('서울중구 세종대로110'));
    expect(addressKey('12 Main St.')).toBe(addressKey(' 12  main st '));
    expect(addressKey('Ｓｅｏｕｌ 1')).toBe('seoul1');
  });

  it('keeps lot-number hyphens so 123-4 and 1234 differ', () => {
    expect(addressKey('역삼동 123-4')).not.toBe(addressKey('역삼동 1234'));
    expect(addressKey('역삼동 123 - 4')).toBe(addressKey('역삼동 123-4'));
  });

  it('gives null for empty or near-empty input', () => {
    expect(addressKey(undefined)).toBeNull();
    expect(addressKey('  ')).toBeNull();
    expect(addressKey('a.')).toBeNull();
  });
});
