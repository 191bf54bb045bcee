import { Injectable } from '@nestjs/common';
import { findRegion, type BBox } from '#geo';
import type { GeocodeAnswer, GeocodeQuery } from '#contracts';
import { RegionsService } from '../regions/regions.service.js';
import { GeocoderClient } from './geocoder.client.js';

const CACHE_ENTRIES = 200;
const CACHE_MS = 10 * 60_000;

/** The smallest box around every region (a viewbox for the provider), or null when the centre has none. */
export function regionsBox(bboxes: readonly BBox[]): BBox | null {
  if (bboxes.length === 0) return null;
  return [
    Math.min(...bboxes.map((b) => b[0])),
    Math.min(...bboxes.map((b) => b[1])),
    Math.max(...bboxes.map((b) => b[2])),
    Math.max(...bboxes.map((b) => b[3])),
  ];
}

/**
 * Address search for the counselor's location picker: the provider is asked within the box of the centre's regions,
 * and a place outside every region is left out (a team cannot be sent there). Answers are cached for a while, as
 * Nominatim's policy asks: a counselor repeating a search does not reach the provider twice.
 */
@Injectable()
export class GeocodingService {
  private readonly cache = new Map<string, { at: number; answer: GeocodeAnswer }>();

  constructor(
    private readonly client: GeocoderClient,
    private readonly regions: RegionsService,
  ) {}

  async search(query: GeocodeQuery): Promise<GeocodeAnswer> {
    const key = `${query.lang}|${query.limit}|${query.q.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.answer;
    const shapes = await this.regions.shapes();
    const box = regionsBox(shapes.map((r) => r.bbox));
    const { places, licence } = await this.client.search({
      q: query.q,
      limit: query.limit,
      language: query.lang,
      viewbox: box,
    });
    const results = places.flatMap((place) => {
      const region = findRegion(place, shapes);
      if (shapes.length > 0 && !region) return [];
      return [{ label: place.label, lat: place.lat, lng: place.lng, regionId: region?.id ?? null }];
    });
    const answer: GeocodeAnswer = { results, attribution: licence };
    this.remember(key, answer);
    return answer;
  }

  private remember(key: string, answer: GeocodeAnswer): void {
    this.cache.delete(key);
    this.cache.set(key, { at: Date.now(), answer });
    // Oldest first in a Map's order: drop from the front.
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }
}
