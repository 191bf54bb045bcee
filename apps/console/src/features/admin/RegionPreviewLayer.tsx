import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { FeatureCollection } from 'geojson';
import type { ImportedRegion } from '#geo';
import { L } from '../map/leaflet';

/** The regions of a file not yet saved, drawn dashed over the current ones, and the map fitted to them. */
export function RegionPreviewLayer({ regions }: { regions: ImportedRegion[] }) {
  const map = useMap();
  useEffect(() => {
    const collection = {
      type: 'FeatureCollection',
      features: regions.map((r) => ({ type: 'Feature', properties: { name: r.name }, geometry: r.geometry })),
    } as unknown as FeatureCollection;
    const layer = L.geoJSON(collection, {
      interactive: false,
      style: () => ({ color: '#D55E00', weight: 3, dashArray: '6 4', fillColor: '#D55E00', fillOpacity: 0.15 }),
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => {
      layer.remove();
    };
  }, [map, regions]);
  return null;
}
