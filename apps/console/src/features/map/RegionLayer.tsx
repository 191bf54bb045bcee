import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { RegionCollection } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { useChanges, useStore } from '../../realtime/realtime';
import { L } from './leaflet';
import { ActiveIncidentCounts, coverageGaps, regionShade } from './region-shading';
import { regionLabel } from './use-regions';

/**
 * The offline base layer: region outlines from GET /regions. With `shade`, each region is filled by its open
 * incidents and outlined when no available team covers it; the styles are recomputed at most once a frame, the
 * counts only for the incidents that changed.
 */
export function RegionLayer({ regions, shade }: { regions: RegionCollection; shade: boolean }) {
  const map = useMap();
  const store = useStore();
  const changes = useChanges();
  const { t, lang } = useI18n();
  useEffect(() => {
    const layers = new Map<string, L.Path>();
    const geo = L.geoJSON(regions, {
      interactive: shade,
      style: () => ({ ...regionShade(0, false), weight: 1 }),
      onEachFeature: (feature, layer) => {
        if (feature.id !== undefined) layers.set(String(feature.id), layer as L.Path);
      },
    }).addTo(map);
    geo.bringToBack();
    // Outlines are context, not controls: 25 districts must not be 25 Tab stops (issue 13 item 9).
    for (const layer of layers.values()) {
      const el = layer.getElement();
      if (el) {
        el.setAttribute('tabindex', '-1');
        el.setAttribute('focusable', 'false');
      }
    }
    const names = new Map(regions.features.map((f) => [f.id, regionLabel(f.properties, lang)]));
    if (!shade) {
      for (const [id, layer] of layers) layer.bindTooltip(names.get(id) ?? '', { sticky: true });
      return () => {
        geo.remove();
      };
    }
    const last = new Map<string, string>();
    const counts = new ActiveIncidentCounts((id) => store.incidents.get(id));
    counts.update(store.incidents.keys());
    let gaps = coverageGaps([...layers.keys()], store.teams.values());
    const restyle = () => {
      for (const [id, layer] of layers) {
        const count = counts.counts.get(id) ?? 0;
        const gap = gaps.has(id);
        const key = `${count}|${gap}`;
        if (last.get(id) === key) continue;
        last.set(id, key);
        layer.setStyle(regionShade(count, gap));
        const label = [names.get(id), t.map.openIncidents(count), gap ? t.map.coverageGap : '']
          .filter(Boolean)
          .join(' · ');
        if (layer.getTooltip()) layer.setTooltipContent(label);
        else layer.bindTooltip(label, { sticky: true });
      }
    };
    restyle();
    // Both arrive at most once a frame (realtime/frame-batch.ts).
    const offIncidents = changes.subscribe('incidents', (ids) => {
      counts.update(ids);
      restyle();
    });
    const offTeams = changes.subscribe('teams', () => {
      gaps = coverageGaps([...layers.keys()], store.teams.values());
      restyle();
    });
    return () => {
      offIncidents();
      offTeams();
      geo.remove();
    };
  }, [map, store, changes, regions, shade, t, lang]);
  return null;
}
