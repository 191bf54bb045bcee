import type { GeocodeAnswer, GeocodeLanguage } from '#contracts';
import type { Http } from '../../api/http';

/** Address search through the API's geocoding proxy (GET /geocoding/search; /config says whether it is set up). */
export function geocodingEndpoints(http: Http) {
  return {
    geocode: (q: string, lang: GeocodeLanguage, signal?: AbortSignal) =>
      http.request<GeocodeAnswer>('GET', `/geocoding/search?q=${encodeURIComponent(q)}&lang=${lang}`, { signal }),
  };
}
