import { consoleCspDirectives, tileSource } from './security-headers.js';

describe('console CSP', () => {
  it('allows no tile host without MAP_TILE_URL, and only that host when set', () => {
    expect(consoleCspDirectives(null)['img-src']).toEqual(["'self'", 'data:']);
    expect(consoleCspDirectives('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')['img-src']).toEqual([
      "'self'",
      'data:',
      'https://*.tile.openstreetmap.org',
    ]);
    expect(tileSource('http://tiles.example.org:8080/{z}/{x}/{y}.png')).toBe('http://tiles.example.org:8080');
  });

  it('refuses what is not an http(s) tile URL', () => {
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(tileSource("https://a.example.org;script-src 'unsafe-inline'/x")).toBeNull();
    expect(tileSource('https://a.{s}.example.org/x')).toBeNull();
  });

  it('never allows inline or evaluated script', () => {
    const d = consoleCspDirectives('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['script-src-attr']).toEqual(["'none'"]);
    expect(JSON.stringify({ ...d, 'style-src-attr': [] })).not.toMatch(/unsafe/);
  });
});
