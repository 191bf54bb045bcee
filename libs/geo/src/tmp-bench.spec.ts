import { haversineKm } from './distance.js';
const { sin, cos, asin, sqrt, min } = Math;
const R = Math.PI / 180;
function h2(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = (b.lat - a.lat) * R;
  const dLng = (b.lng - a.lng) * R;
  const s1 = sin(dLat / 2);
  const s2 = sin(dLng / 2);
  const s = s1 * s1 + cos(a.lat * R) * cos(b.lat * R) * s2 * s2;
  return 2 * 6371 * asin(min(1, sqrt(s)));
}
it('bench', () => {
  const pts = Array.from({ length: 500 }, (_, i) => ({ lat: 37.45 + (i % 23) * 0.01, lng: 126.85 + (i % 29) * 0.01, at: new Date(1e12 + i * 1000).toISOString(), cs: `T-${i}` }));
  const time = (name: string, fn: () => void) => { for (let i = 0; i < 50; i++) fn(); const t = performance.now(); for (let i = 0; i < 200; i++) fn(); console.log(name, (performance.now() - t) / 200); };
  let x = 0;
  time('haversine', () => { for (const p of pts) x += haversineKm(p, { lat: 37.5, lng: 127 }); });
  time('h2', () => { for (const p of pts) x += h2(p, { lat: 37.5, lng: 127 }); });
  const parse = Date.parse;
  time('dateparse', () => { for (const p of pts) x += Date.parse(p.at); });
  time('dateparse-local', () => { for (const p of pts) x += parse(p.at); });
  expect(x).toBeGreaterThan(0);
});
