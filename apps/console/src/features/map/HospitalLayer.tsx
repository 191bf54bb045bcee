import { useEffect } from 'react';
import { bedsStale } from '#contracts';
import { formatTime } from '../../common/format';
import { useMap } from 'react-leaflet';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { hospitalIcon } from './icons';
import { L } from './leaflet';

/** Hospitals with their available psychiatric emergency beds. */
export function HospitalLayer() {
  const map = useMap();
  const store = useStore();
  const { t, lang } = useI18n();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const markers = new Map<string, L.Marker>();
    const update = (ids: Iterable<string>) => {
      for (const id of ids) {
        const h = store.hospitals.get(id);
        if (!h) continue;
        // The age of the report goes wherever the beds are shown: a number from this morning is not tonight's.
        const stale = bedsStale(h.bedsUpdatedAt ?? null, Date.now());
        const icon = hospitalIcon(h.name, h.bedsAvailable, h.id, stale);
        const updated = h.bedsUpdatedAt ? t.bedRequest.updated(formatTime(h.bedsUpdatedAt, lang)) : t.partner.bedsNever;
        const closed = h.accepting === false ? ` · ${t.bedRequest.notAccepting}` : '';
        const tooltip = `${h.name}: ${t.map.beds(h.bedsAvailable)}${closed} · ${updated}${stale && h.bedsUpdatedAt ? ` (${t.bedRequest.stale})` : ''}`;
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
  }, [map, store, t, lang]);
  return null;
}
