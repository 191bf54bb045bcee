import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { LatLng } from '#contracts';

/**
 * Placing the point without a mouse: the map container takes the focus (Leaflet's keyboard handler pans it with
 * the arrow keys and zooms with + and −), a crosshair marks its centre while it has the focus, and Enter or Space
 * places the point under the crosshair. `describedBy` names the visible instructions.
 */
export function KeyboardPlacement({ onPlace, describedBy }: { onPlace: (p: LatLng) => void; describedBy: string }) {
  const map = useMap();
  const latest = useRef(onPlace);
  useEffect(() => {
    latest.current = onPlace;
  }, [onPlace]);
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('aria-describedby', describedBy);
    const onKey = (e: KeyboardEvent) => {
      // Only on the map itself: Enter on a zoom button must still press the button.
      if (e.target !== container || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      const centre = map.getCenter();
      latest.current({ lat: centre.lat, lng: centre.lng });
    };
    container.addEventListener('keydown', onKey);
    return () => {
      container.removeEventListener('keydown', onKey);
      container.removeAttribute('aria-describedby');
    };
  }, [map, describedBy]);
  return <div className="map-crosshair" aria-hidden="true" data-testid="map-crosshair" />;
}
