import { z } from 'zod';

// Address search (issue 13 item 5): the API proxies a Nominatim-compatible geocoder (GEOCODER_URL) so the browser
// never talks to a third party, the usage policy is kept in one place, and results stay inside the centre's regions.

/** The languages a place name can be asked in: the console's two. */
export const GEOCODE_LANGUAGES = ['ko', 'en'] as const;
export type GeocodeLanguage = (typeof GEOCODE_LANGUAGES)[number];

/** GET /geocoding/search: one typed search, not a keystroke stream (Nominatim's policy forbids auto-complete). */
export const geocodeQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'must have at least 2 characters').max(200),
  limit: z.coerce.number().int().min(1).max(10).default(5),
  lang: z.enum(GEOCODE_LANGUAGES).default('ko'),
});
export type GeocodeQuery = z.output<typeof geocodeQuerySchema>;

/** One place the geocoder found inside the centre's area. */
export interface GeocodedPlace {
  /** The geocoder's full address line, in the language asked for when it has it. */
  label: string;
  lat: number;
  lng: number;
  /** The centre's region the point falls in (results outside every region are left out). */
  regionId: string | null;
}

export interface GeocodeAnswer {
  results: GeocodedPlace[];
  /** The data licence the geocoder names (OpenStreetMap's ODbL for Nominatim): shown beside the results. */
  attribution: string | null;
}
