import type { LatLng } from '#contracts';

// The latitude and longitude boxes hold what the counselor typed, each on its own: a point exists only when both
// read as numbers in range. (One shared point made typing the latitude first set the longitude to 0, issue 13.)

export type Axis = 'lat' | 'lng';

const LIMIT: Record<Axis, number> = { lat: 90, lng: 180 };
// Digits with an optional sign and decimal point, also while being typed ("37.", "-"), no exponent or hex.
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** The number a box holds, `'empty'`, or `'invalid'` (not a decimal number, or out of range for its axis). */
export function readCoordinate(text: string, axis: Axis): number | 'empty' | 'invalid' {
  const t = text.trim();
  if (t === '') return 'empty';
  if (!DECIMAL.test(t)) return 'invalid';
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) <= LIMIT[axis] ? n : 'invalid';
}

/** The point both boxes describe, or null while either is empty or invalid. */
export function pointFromTexts(latText: string, lngText: string): LatLng | null {
  const lat = readCoordinate(latText, 'lat');
  const lng = readCoordinate(lngText, 'lng');
  return typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;
}

/** Six decimals (about 10 cm), without trailing zeros: what a box shows for a point placed another way. */
export function formatCoordinate(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** A point rounded as the boxes show it, so a placed point and its boxes agree. */
export function roundPoint(p: LatLng): LatLng {
  return { lat: Number(p.lat.toFixed(6)), lng: Number(p.lng.toFixed(6)) };
}

/** "37.5665, 126.978" (or with a space) pasted into one box: both coordinates, else null. */
export function splitPastedPoint(text: string): { lat: string; lng: string } | null {
  const parts = text.trim().split(/\s*[,\s]\s*/);
  if (parts.length !== 2) return null;
  const [lat, lng] = parts as [string, string];
  return pointFromTexts(lat, lng) ? { lat, lng } : null;
}

export function samePoint(a: LatLng | null, b: LatLng | null): boolean {
  return a === b || (a !== null && b !== null && a.lat === b.lat && a.lng === b.lng);
}
