import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { Category } from '#contracts';
import { useStore } from '../../realtime/realtime';
import type { IncidentEntry } from '../../realtime/event-store';
import { clusterIcon, incidentIcon, mostUrgent } from './icons';
import { L } from './leaflet';
import { isActiveIncident } from './region-shading';

interface Tracked {
  marker: L.Marker;
  /** What the icon shows; the icon is rebuilt only when this changes. */
  iconKey: string;
  lat: number;
  lng: number;
}

const categoryOf = new WeakMap<L.Marker, Category>();

/**
 * Active incidents as clustered markers. The cluster group is created once; store notifications name the
 * incidents that changed, and only their markers are added, moved, restyled or removed: React never
 * re-renders per event here.
 */
export function IncidentLayer({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const map = useMap();
  const store = useStore();
  const tracked = useRef(new Map<string, Tracked>());
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const selected = useRef<string | null>(selectedId);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const markers = tracked.current;
    const group = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      disableClusteringAtZoom: 15,
      // Only markers that would overlap are grouped, so a handful of incidents never hide behind a cluster.
      maxClusterRadius: (zoom: number) => (zoom >= 12 ? 28 : 50),
      iconCreateFunction: (c) => {
        const children = c.getAllChildMarkers();
        return clusterIcon(children.length, mostUrgent(children.map((m) => categoryOf.get(m) ?? 'G')));
      },
    });
    cluster.current = group;

    const iconKey = (i: IncidentEntry) => `${i.category}|${i.number}|${i.id === selected.current ? 1 : 0}`;
    const update = (ids: Iterable<string>) => {
      const added: L.Marker[] = [];
      const removed: L.Marker[] = [];
      for (const id of ids) {
        const incident = store.incidents.get(id);
        const current = markers.get(id);
        if (!incident || !isActiveIncident(incident.status)) {
          if (current) {
            removed.push(current.marker);
            markers.delete(id);
          }
          continue;
        }
        const { lat, lng } = incident.location;
        if (!current) {
          const marker = L.marker([lat, lng], {
            icon: incidentIcon(incident, id === selected.current),
            title: `${incident.number} (${incident.category})`,
            keyboard: true,
            riseOnHover: true,
          });
          marker.on('click keypress', () => onSelectRef.current(id));
          categoryOf.set(marker, incident.category);
          markers.set(id, { marker, iconKey: iconKey(incident), lat, lng });
          added.push(marker);
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
          group.refreshClusters(current.marker);
        }
      }
      if (removed.length) group.removeLayers(removed);
      if (added.length) group.addLayers(added);
    };

    update(store.incidents.keys());
    map.addLayer(group);
    const unsubscribe = store.subscribe('incidents', update);
    return () => {
      unsubscribe();
      map.removeLayer(group);
      markers.clear();
      cluster.current = null;
    };
  }, [map, store]);

  // Selection restyles two markers and brings the chosen one into view (opening its cluster if needed).
  useEffect(() => {
    const previous = selected.current;
    selected.current = selectedId;
    const markers = tracked.current;
    for (const id of [previous, selectedId]) {
      const entry = id ? markers.get(id) : undefined;
      const incident = id ? store.incidents.get(id) : undefined;
      if (!entry || !incident) continue;
      entry.marker.setIcon(incidentIcon(incident, id === selectedId));
      entry.iconKey = `${incident.category}|${incident.number}|${id === selectedId ? 1 : 0}`;
    }
    const chosen = selectedId ? markers.get(selectedId) : undefined;
    if (chosen && cluster.current) {
      const group = cluster.current;
      if (!map.getBounds().contains(chosen.marker.getLatLng())) map.panTo(chosen.marker.getLatLng());
      if (!group.getVisibleParent(chosen.marker) || group.getVisibleParent(chosen.marker) !== chosen.marker) {
        group.zoomToShowLayer(chosen.marker, () => undefined);
      }
    }
  }, [selectedId, map, store]);

  return null;
}
