import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useStore } from '../../realtime/realtime';
import { teamIcon } from './icons';
import { L } from './leaflet';

/** On-duty teams at their last known position (or their base), restyled only when their status changes. */
export function TeamLayer() {
  const map = useMap();
  const store = useStore();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const markers = new Map<string, { marker: L.Marker; key: string }>();
    const update = (ids: Iterable<string>) => {
      for (const id of ids) {
        const team = store.teams.get(id);
        const position = team?.location ?? team?.base;
        const current = markers.get(id);
        if (!team || !team.onDuty || !position) {
          if (current) {
            group.removeLayer(current.marker);
            markers.delete(id);
          }
          continue;
        }
        const key = `${team.status}|${team.callsign}`;
        if (!current) {
          const marker = L.marker([position.lat, position.lng], {
            icon: teamIcon(team),
            title: team.callsign,
            keyboard: false,
            zIndexOffset: 500,
          });
          markers.set(id, { marker, key });
          group.addLayer(marker);
          continue;
        }
        current.marker.setLatLng([position.lat, position.lng]);
        if (current.key !== key) {
          current.marker.setIcon(teamIcon(team));
          current.key = key;
        }
      }
    };
    update(store.teams.keys());
    const unsubscribe = store.subscribe('teams', update);
    return () => {
      unsubscribe();
      group.remove();
    };
  }, [map, store]);
  return null;
}
