import type { TestServer } from './test-server.js';

/** A GeoJSON feature: a square of about 11 km a side centred on lat/lng. */
export function squareRegion(code: string, name: string, lat: number, lng: number, half = 0.05) {
  return {
    type: 'Feature',
    properties: { code, name },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng - half, lat - half],
          [lng + half, lat - half],
          [lng + half, lat + half],
          [lng - half, lat + half],
          [lng - half, lat - half],
        ],
      ],
    },
  };
}

/** Imports one square region (see `squareRegion`) as the admin. */
export async function importSquareRegion(
  server: TestServer,
  adminToken: string,
  ...square: Parameters<typeof squareRegion>
): Promise<void> {
  await server.api('POST', '/regions/import', {
    token: adminToken,
    body: { type: 'FeatureCollection', features: [squareRegion(...square)] },
  });
}
