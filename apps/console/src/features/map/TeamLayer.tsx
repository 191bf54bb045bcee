import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useChanges, useStore } from '../../realtime/realtime';
import { L } from './leaflet';
import { TeamMark } from './team-marks';

/** Above the incident canvas and the region outlines (overlay pane, 400), below the DOM markers (600). */
const TEAMS_PANE = 'teams';
const TEAMS_PANE_Z = '450';

/**
 * On-duty teams at their last known position (or their base), on one canvas (team-marks.ts), restyled only when
 * their status or call sign changes. The team board is their accessible list, as the queue is for the incidents;
 * the labels take no pointer events, so clicks reach the incident marks beneath.
 */
export function TeamLayer() {
  const map = useMap();
  const store = useStore();
  const changes = useChanges();
  useEffect(() => {
    let pane = map.getPane(TEAMS_PANE);
    if (!pane) {
      pane = map.createPane(TEAMS_PANE);
      pane.style.zIndex = TEAMS_PANE_Z;
      pane.style.pointerEvents = 'none';
    }
    const renderer = L.canvas({ pane: TEAMS_PANE });
    const group = L.layerGroup().addTo(map);
    const marks = new Map<string, TeamMark>();
    const update = (ids: Iterable<string>) => {
      for (const id of ids) {
        const team = store.teams.get(id);
        const position = team?.location ?? team?.base;
        const current = marks.get(id);
        if (!team || !team.onDuty || !position) {
          if (current) {
            group.removeLayer(current);
            marks.delete(id);
          }
          continue;
        }
        if (!current) {
          const mark = new TeamMark([position.lat, position.lng], {
            renderer,
            pane: TEAMS_PANE,
            status: team.status,
            callsign: team.callsign,
          });
          marks.set(id, mark);
          group.addLayer(mark);
          continue;
        }
        const at = current.getLatLng();
        if (at.lat !== position.lat || at.lng !== position.lng) current.setLatLng([position.lat, position.lng]);
        current.restyle(team.status, team.callsign);
      }
      // Canvas labels are not elements: the count of teams on the map is kept where tools can read it.
      map.getContainer().dataset.teams = String(marks.size);
    };
    update(store.teams.keys());
    const unsubscribe = changes.subscribe('teams', update);
    return () => {
      unsubscribe();
      group.remove();
      renderer.remove();
    };
  }, [map, store, changes]);
  return null;
}
