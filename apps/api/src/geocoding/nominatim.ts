import { z } from 'zod';

// The Nominatim search API as this centre uses it: the request URL and the reading of a `format=jsonv2` answer.
// Plain functions, so the exact wire format is unit-tested apart from the HTTP client.

export interface NominatimSearch {
  q: string;
  limit: number;
  countryCodes: string;
  language: string;
  /** [minLng, minLat, maxLng, maxLat]: results are bounded to it. */
  viewbox: [number, number, number, number] | null;
}

/** `<base>/search?q=…&format=jsonv2&countrycodes=…&limit=…`; a query string already on `base` (a key) is kept. */
export function nominatimSearchUrl(base: string, s: NominatimSearch): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/search`;
  url.searchParams.set('q', s.q);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('countrycodes', s.countryCodes);
  url.searchParams.set('limit', String(s.limit));
  url.searchParams.set('accept-language', s.language);
  if (s.viewbox) {
    url.searchParams.set('viewbox', s.viewbox.join(','));
    url.searchParams.set('bounded', '1');
  }
  return url;
}

// Nominatim sends coordinates as decimal strings; some compatible providers send numbers.
const coordinate = z
  .union([z.number(), z.string().trim().min(1)])
  .transform(Number)
  .pipe(z.number());

const placeSchema = z.object({
  lat: coordinate.pipe(z.number().min(-90).max(90)),
  lon: coordinate.pipe(z.number().min(-180).max(180)),
  display_name: z.string().min(1),
  licence: z.string().optional(),
});

export interface NominatimPlace {
  label: string;
  lat: number;
  lng: number;
}

/** The places of a jsonv2 search answer, or null when the body is not one (the provider is then treated as down). */
export function parseNominatimAnswer(body: unknown): { places: NominatimPlace[]; licence: string | null } | null {
  const parsed = z.array(placeSchema).max(100).safeParse(body);
  if (!parsed.success) return null;
  return {
    places: parsed.data.map((p) => ({ label: p.display_name, lat: p.lat, lng: p.lon })),
    licence: parsed.data.find((p) => p.licence)?.licence ?? null,
  };
}
