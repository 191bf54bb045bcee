import { useEffect } from 'react';
import { CircleMarker, useMap, useMapEvents } from 'react-leaflet';
import type { LatLng } from '#contracts';
import { DispatchMap } from '../map/DispatchMap';
import { RegionLabels } from '../map/RegionLabels';
import { useRegions } from '../map/use-regions';
import { KeyboardPlacement } from './KeyboardPlacement';

/** A request to bring a point into view (a search result or a district chosen away from the current view). */
export interface ViewRequest {
  point: LatLng;
  seq: number;
}

function ClickToPlace({ onPlace }: { onPlace: (p: LatLng) => void }) {
  useMapEvents({ click: (e) => onPlace({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}

function ShowPoint({ request }: { request: ViewRequest | null }) {
  const map = useMap();
  useEffect(() => {
    if (request) map.setView([request.point.lat, request.point.lng], Math.max(map.getZoom(), 13));
  }, [map, request]);
  return null;
}

/** The picker's map: district names, click or keyboard placement, the placed point (dashed when approximate). */
export function PickerMap({
  point,
  approximate,
  onPlace,
  view,
  instructionsId,
}: {
  point: LatLng | null;
  approximate: boolean;
  onPlace: (p: LatLng) => void;
  view: ViewRequest | null;
  instructionsId: string;
}) {
  const { regions } = useRegions();
  return (
    <DispatchMap shadeRegions={false} className="picker-map">
      {regions ? <RegionLabels regions={regions} /> : null}
      <ClickToPlace onPlace={onPlace} />
      <KeyboardPlacement onPlace={onPlace} describedBy={instructionsId} />
      <ShowPoint request={view} />
      {point ? (
        <CircleMarker
          center={[point.lat, point.lng]}
          radius={approximate ? 16 : 10}
          pathOptions={
            approximate
              ? { color: '#000', weight: 3, dashArray: '6 4', fillColor: '#D55E00', fillOpacity: 0.35 }
              : { color: '#000', weight: 3, fillColor: '#D55E00', fillOpacity: 0.9 }
          }
        />
      ) : null}
    </DispatchMap>
  );
}
