import { localName } from './local-name';

describe('bilingual names read Korean first on Korean screens', () => {
  it('puts the Korean name first in Korean', () => {
    expect(localName('Jungbu Police Station (중부경찰서)', 'ko')).toBe('중부경찰서 (Jungbu Police Station)');
    expect(localName('Kim Min-jun (김민준)', 'ko')).toBe('김민준 (Kim Min-jun)');
  });
  it('leaves English screens and single-language names alone', () => {
    expect(localName('Jungbu Police Station (중부경찰서)', 'en')).toBe('Jungbu Police Station (중부경찰서)');
    expect(localName('National Medical Center', 'ko')).toBe('National Medical Center');
    expect(localName('Team (North)', 'ko')).toBe('Team (North)');
  });
});
