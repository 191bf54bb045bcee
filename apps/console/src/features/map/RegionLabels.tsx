import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { RegionCollection } from '#contracts';
import { labelPoint } from '#geo';
import { useI18n } from '../../i18n/i18n';
import { L } from './leaflet';
import { regionLabel } from './use-regions';

/**
 * The names of the regions the API serves, written on the map at a point inside each (not clickable, not Tab
 * stops): the counselor reads where a caller's district is without hovering. Names go in as text, never as HTML,
 * since an admin's GeoJSON import supplies them.
 */
export function RegionLabels({ regions }: { regions: RegionCollection }) {
  const map = useMap();
  const { lang } = useI18n();
  useEffect(() => {
    const group = L.layerGroup();
    for (const feature of regions.features) {
      const text = document.createElement('span');
      text.textContent = regionLabel(feature.properties, lang);
      const at = labelPoint(feature.geometry);
      L.tooltip({ permanent: true, direction: 'center', interactive: false, className: 'region-label', opacity: 1 })
        .setLatLng([at.lat, at.lng])
        .setContent(text)
        .addTo(group);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, regions, lang]);
  return null;
}
