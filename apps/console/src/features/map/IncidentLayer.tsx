import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Category } from '#contracts';
import { useStore } from '../../realtime/realtime';
import type { IncidentEntry } from '../../realtime/event-store';
import { clusterIcon, incidentIcon, mostUrgent } from './icons';
import { L } from './leaflet';
import { standaloneIncidents } from './marker-placement';
import { isActiveIncident } from './region-shading';
import { useLatest } from '../../common/use-latest';

interface Tracked {
  marker: L.Marker;
  /** What the icon shows; the icon is rebuilt only when this changes. */
  iconKey: string;
  lat: number;
  lng: number;
  alone: boolean;
}

const categoryOf = new WeakMap<L.Marker, Category>();
const DRAWER_PX = 450;
const INCIDENT_Z = 1000;

/**
 * Active incidents as markers. Both layers are created once; store notifications name the incidents that
 * changed, and only their markers are added, moved, restyled or removed, so React never re-renders per event.
 * Incidents still waiting for a team (and the selected one) stand alone; the rest cluster when zoomed out.
 */
export function IncidentLayer({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const map = useMap();
  const store = useStore();
  const onSelectRef = useLatest(onSelect);
  const selected = useRef<string | null>(selectedId);
  const api = useRef<{ refresh: (ids: Iterable<string>) => void; reveal: (id: string) => void } | null>(null);

  useEffect(() => {
    const markers = new Map<string, Tracked>();
    const alone = L.layerGroup();
    const cluster = L.markerClusterGroup({
      chunkedLoading: true,
      // Split/merge animations forced synchronous layouts costing up to ~0.5 s per zoom step with ~800 icons on
      // screen (npm run bench); a map that answers at once matters more at 3 a.m. than the animation.
      animate: false,
      showCoverageOnHover: false,
      disableClusteringAtZoom: 15,
      maxClusterRadius: (zoom: number) => (zoom >= 12 ? 30 : 50),
      iconCreateFunction: (c) => {
        const children = c.getAllChildMarkers();
        return clusterIcon(children.length, mostUrgent(children.map((m) => categoryOf.get(m) ?? 'G')));
      },
    });
    let aloneIds = new Set<string>();
    const iconKey = (i: IncidentEntry) => `${i.category}|${i.number}|${i.id === selected.current ? 1 : 0}`;

    const refresh = (ids: Iterable<string>) => {
      const toCluster: L.Marker[] = [];
      const fromCluster: L.Marker[] = [];
      const nextAlone = standaloneIncidents(store.incidents.values(), selected.current);
      const place = (id: string, t: Tracked) => {
        const wantAlone = nextAlone.has(id);
        if (wantAlone === t.alone) return;
        if (t.alone) alone.removeLayer(t.marker);
        else fromCluster.push(t.marker);
        if (wantAlone) alone.addLayer(t.marker);
        else toCluster.push(t.marker);
        t.alone = wantAlone;
      };
      for (const id of new Set([...ids, ...aloneIds, ...nextAlone])) {
        const incident = store.incidents.get(id);
        const current = markers.get(id);
        if (!incident || !isActiveIncident(incident.status)) {
          if (current) {
            if (current.alone) alone.removeLayer(current.marker);
            else fromCluster.push(current.marker);
            markers.delete(id);
          }
          continue;
        }
        const { lat, lng } = incident.location;
        if (!current) {
          // Above the team markers (z 500): an incident must never hide under a team's label.
          const marker = L.marker([lat, lng], {
            icon: incidentIcon(incident, id === selected.current),
            title: `${incident.number} (${incident.category})`,
            keyboard: true,
            riseOnHover: true,
            zIndexOffset: INCIDENT_Z,
          });
          marker.on('click keypress', () => onSelectRef.current(id));
          categoryOf.set(marker, incident.category);
          const t: Tracked = { marker, iconKey: iconKey(incident), lat, lng, alone: false };
          markers.set(id, t);
          if (nextAlone.has(id)) {
            alone.addLayer(marker);
            t.alone = true;
          } else toCluster.push(marker);
          continue;
        }
        if (current.lat !== lat || current.lng !== lng) {
          current.marker.setLatLng([lat, lng]);
          current.lat = lat;
          current.lng = lng;
        }
        const key = iconKey(incident);
        if (key !== current.iconKey) {
          categoryOf.set(current.marker, incident.category);
          current.marker.setIcon(incidentIcon(incident, id === selected.current));
          current.iconKey = key;
          if (!current.alone) cluster.refreshClusters(current.marker);
        }
        place(id, current);
      }
      aloneIds = nextAlone;
      if (fromCluster.length) cluster.removeLayers(fromCluster);
      if (toCluster.length) cluster.addLayers(toCluster);
    };

    // The detail drawer covers the right of the map (see .detail-drawer): bring the marker into the part left visible.
    const reveal = (id: string) => {
      const t = markers.get(id);
      if (!t) return;
      const size = map.getSize();
      const visibleWidth = size.x > 900 ? size.x - DRAWER_PX : size.x;
      const p = map.latLngToContainerPoint(t.marker.getLatLng());
      if (p.x < 40 || p.x > visibleWidth - 40 || p.y < 40 || p.y > size.y - 40)
        map.panBy([p.x - visibleWidth / 2, p.y - size.y / 2]);
    };

    refresh(store.incidents.keys());
    cluster.addTo(map);
    alone.addTo(map);
    api.current = { refresh, reveal };
    const unsubscribe = store.subscribe('incidents', refresh);
    return () => {
      unsubscribe();
      api.current = null;
      cluster.remove();
      alone.remove();
    };
  }, [map, store, onSelectRef]);

  // A new selection restyles the previous and the chosen marker, keeps the chosen one out of clusters, and pans to it.
  useEffect(() => {
    const previous = selected.current;
    selected.current = selectedId;
    api.current?.refresh([previous, selectedId].filter((id): id is string => id !== null));
    if (selectedId) api.current?.reveal(selectedId);
  }, [selectedId]);

  return null;
}
