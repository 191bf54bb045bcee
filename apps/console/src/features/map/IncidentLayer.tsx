import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { IncidentEntry } from '../../realtime/event-store';
import { useLatest } from '../../common/use-latest';
import { useChanges, useStore } from '../../realtime/realtime';
import { SortedIds } from '../../realtime/sorted-ids';
import { IncidentMark } from './canvas-marks';
import { incidentIcon } from './icons';
import { IncidentClusters } from './incident-clusters';
import { L } from './leaflet';
import {
  compareDeadlines,
  incidentPlace,
  standaloneFrom,
  STANDALONE_CAP,
  waitingDeadline,
  type IncidentPlace,
} from './marker-placement';

interface Tracked {
  place: IncidentPlace;
  /** The DOM marker of a standalone incident. */
  marker?: L.Marker;
  /** The canvas mark of a waiting incident beyond the standalone ones. */
  mark?: IncidentMark;
  /** What the icon shows; the icon is rebuilt only when this changes. */
  iconKey: string;
  lat: number;
  lng: number;
}

const DRAWER_PX = 450;
const INCIDENT_Z = 1000;
const WAITING_SIZE = 16;

/**
 * Active incidents. The most pressing waiting ones (and the selected one) are DOM markers: focusable, labelled with
 * their number. Every other waiting incident is a canvas mark of its own, never clustered; incidents a team is on
 * cluster on the canvas (incident-clusters.ts). The layers are created once; store notifications name the incidents
 * that changed and only those move between layers or are restyled, so React never re-renders per event.
 */
export function IncidentLayer({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const map = useMap();
  const store = useStore();
  const changes = useChanges();
  const onSelectRef = useLatest(onSelect);
  const selected = useRef<string | null>(selectedId);
  const api = useRef<{ refresh: (ids: ReadonlySet<string>) => void; reveal: (id: string) => void } | null>(null);

  useEffect(() => {
    const tracked = new Map<string, Tracked>();
    const alone = L.layerGroup().addTo(map);
    const waiting = L.layerGroup().addTo(map);
    // One canvas for every incident mark; the region outlines stay SVG (interactive, tooltips).
    const renderer = L.canvas({ tolerance: 3 });
    const select = (id: string) => onSelectRef.current(id);
    const clusters = new IncidentClusters(map, renderer, select);
    let aloneIds = new Set<string>();
    // The waiting incidents kept in order as they change, for the most pressing ones: no scan of every incident.
    const waitingOrder = new SortedIds<number>((id) => {
      const incident = store.incidents.get(id);
      return incident ? waitingDeadline(incident) : null;
    }, compareDeadlines);
    const iconKey = (i: IncidentEntry) => `${i.category}|${i.number}|${i.id === selected.current ? 1 : 0}`;

    const drop = (id: string, t: Tracked) => {
      if (t.marker) alone.removeLayer(t.marker);
      if (t.mark) waiting.removeLayer(t.mark);
      if (t.place === 'cluster') clusters.delete(id);
      t.marker = undefined;
      t.mark = undefined;
    };

    const show = (incident: IncidentEntry, t: Tracked) => {
      const { id } = incident;
      const { lat, lng } = incident.location;
      if (t.place === 'alone') {
        const key = iconKey(incident);
        if (!t.marker) {
          // Above the team markers (z 500): an incident must never hide under a team's label.
          t.marker = L.marker([lat, lng], {
            icon: incidentIcon(incident, id === selected.current),
            title: `${incident.number} (${incident.category})`,
            keyboard: true,
            riseOnHover: true,
            zIndexOffset: INCIDENT_Z,
          });
          t.marker.on('click keypress', () => select(id));
          alone.addLayer(t.marker);
        } else {
          if (t.lat !== lat || t.lng !== lng) t.marker.setLatLng([lat, lng]);
          if (key !== t.iconKey) t.marker.setIcon(incidentIcon(incident, id === selected.current));
        }
        t.iconKey = key;
      } else if (t.place === 'waiting') {
        if (!t.mark) {
          t.mark = new IncidentMark([lat, lng], { renderer, category: incident.category, size: WAITING_SIZE });
          t.mark.on('click', () => select(id));
          waiting.addLayer(t.mark);
        } else {
          if (t.lat !== lat || t.lng !== lng) t.mark.setLatLng([lat, lng]);
          t.mark.restyle(incident.category);
        }
      } else clusters.set(id, { lat, lng, category: incident.category });
      t.lat = lat;
      t.lng = lng;
    };

    const refresh = (ids: ReadonlySet<string>) => {
      waitingOrder.update(ids);
      const nextAlone = standaloneFrom(waitingOrder.head(STANDALONE_CAP), selected.current);
      for (const id of new Set([...ids, ...aloneIds, ...nextAlone])) {
        const incident = store.incidents.get(id);
        const place = incident ? incidentPlace(incident, nextAlone) : null;
        let t = tracked.get(id);
        if (t && t.place !== place) {
          drop(id, t);
          if (!place) tracked.delete(id);
          else t.place = place;
        }
        if (!incident || !place) continue;
        if (!t) {
          t = { place, iconKey: '', lat: incident.location.lat, lng: incident.location.lng };
          tracked.set(id, t);
        }
        show(incident, t);
      }
      aloneIds = nextAlone;
      // Canvas marks are not elements: the count of incidents on the map is kept where tools can read it.
      map.getContainer().dataset.incidents = String(tracked.size);
    };

    // The detail drawer covers the right of the map (see .detail-drawer): bring the marker into the part left visible.
    const reveal = (id: string) => {
      const t = tracked.get(id);
      if (!t?.marker) return;
      const size = map.getSize();
      const visibleWidth = size.x > 900 ? size.x - DRAWER_PX : size.x;
      const p = map.latLngToContainerPoint(t.marker.getLatLng());
      if (p.x < 40 || p.x > visibleWidth - 40 || p.y < 40 || p.y > size.y - 40)
        map.panBy([p.x - visibleWidth / 2, p.y - size.y / 2]);
    };

    refresh(new Set(store.incidents.keys()));
    clusters.flush();
    api.current = { refresh, reveal };
    const unsubscribe = changes.subscribe('incidents', refresh);
    return () => {
      unsubscribe();
      api.current = null;
      clusters.remove();
      alone.remove();
      waiting.remove();
      renderer.remove();
    };
  }, [map, store, changes, onSelectRef]);

  // A new selection restyles the previous and the chosen marker, keeps the chosen one out of clusters, and pans to it.
  useEffect(() => {
    const previous = selected.current;
    selected.current = selectedId;
    api.current?.refresh(new Set([previous, selectedId].filter((id): id is string => id !== null)));
    if (selectedId) api.current?.reveal(selectedId);
  }, [selectedId]);

  return null;
}
