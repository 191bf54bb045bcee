import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LatLng, TeamStatus } from '#contracts';
import { useAuth } from '../../auth/auth';
import { LocationReporter, type LocationSharing } from './location-reporter';

export type { LocationSharing };

const PERMISSION_DENIED = 1;

/**
 * While the team is on duty, watches the phone's position and reports it (POST /teams/:id/location, at most every
 * 30 s and at once on a status change). A refused permission or a phone without GPS is not an error: status
 * buttons work without a position, and the indicator says the control room cannot see this team move.
 */
export function useLocationSharing(
  teamId: string,
  onDuty: boolean,
  status: TeamStatus | undefined,
): { sharing: LocationSharing; position: RefObject<LatLng | null> } {
  const { api } = useAuth();
  const position = useRef<LatLng | null>(null);
  const reporter = useRef<LocationReporter | null>(null);
  const [sharing, setSharing] = useState<LocationSharing>(onDuty ? 'locating' : 'off-duty');

  useEffect(() => {
    if (!onDuty) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the shift and the browser's geolocation, both outside React
      setSharing('off-duty');
      return;
    }
    // Browsers offer geolocation only to secure pages (https, or localhost).
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      setSharing('unavailable');
      return;
    }
    setSharing('locating');
    const r = new LocationReporter({
      send: (p) => api.sendLocation(teamId, p),
      onSent: () => setSharing('shared'),
      onFailed: () => setSharing('not-sent'),
    });
    reporter.current = r;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        const fix = { lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)) };
        position.current = fix;
        r.fix(fix);
      },
      (error) => setSharing(error.code === PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => {
      navigator.geolocation.clearWatch(id);
      r.stop();
      reporter.current = null;
    };
  }, [api, teamId, onDuty]);

  // A status change (from this phone or the control room) gets the newest fix at once; not the first render.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current !== undefined && status !== previous.current) reporter.current?.statusChanged();
    previous.current = status;
  }, [status]);

  return { sharing, position };
}
