import { useEffect, useRef, type RefObject } from 'react';
import type { LatLng } from '#contracts';

/** The phone's latest position, if the browser shares it (secure context and permission); null otherwise. */
export function usePosition(): RefObject<LatLng | null> {
  const position = useRef<LatLng | null>(null);
  useEffect(() => {
    if (!('geolocation' in navigator) || !window.isSecureContext) return;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        position.current = { lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) };
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, []);
  return position;
}
