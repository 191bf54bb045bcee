import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { hospitalIcon } from './icons';
import { L } from './leaflet';

/** Hospitals with their available psychiatric emergency beds. */
export function HospitalLayer() {
  const map = useMap();
  const store = useStore();
  const { t } = useI18n();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const markers = new Map<string, L.Marker>();
    const update = (ids: Iterable<string>) => {
      for (const id of ids) {
        const h = store.hospitals.get(id);
        if (!h) continue;
        const icon = hospitalIcon(h.name, h.bedsAvailable);
        const tooltip = `${h.name}: ${t.map.beds(h.bedsAvailable)}`;
        const current = markers.get(id);
        if (current) {
          current.setIcon(icon);
          current.setTooltipContent(tooltip);
        } else {
          const marker = L.marker([h.location.lat, h.location.lng], { icon, keyboard: false }).bindTooltip(tooltip);
          markers.set(id, marker);
          group.addLayer(marker);
        }
      }
    };
    update(store.hospitals.keys());
    const unsubscribe = store.subscribe('hospitals', update);
    return () => {
      unsubscribe();
      group.remove();
    };
  }, [map, store, t]);
  return null;
}
