import { CircleMarker, useMapEvents } from 'react-leaflet';
import type { LatLng } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { DispatchMap } from '../map/DispatchMap';
import { CoordinateFields } from '../location/CoordinateFields';

function ClickToPlace({ onPick }: { onPick: (p: LatLng) => void }) {
  useMapEvents({
    click: (e) => onPick({ lat: Number(e.latlng.lat.toFixed(6)), lng: Number(e.latlng.lng.toFixed(6)) }),
  });
  return null;
}

/** A point (a team's base, an agency's location): click the map, or type the coordinates (each box on its own). */
export function MapPointField({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: LatLng | null;
  onChange: (p: LatLng | null) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="map-point">
      <legend>{legend}</legend>
      <p className="hint">{t.centre.mapPointHint}</p>
      <DispatchMap shadeRegions={false} className="picker-map">
        <ClickToPlace onPick={onChange} />
        {value ? (
          <CircleMarker
            center={[value.lat, value.lng]}
            radius={10}
            pathOptions={{ color: '#000', weight: 3, fillColor: '#0072B2', fillOpacity: 0.9 }}
          />
        ) : null}
      </DispatchMap>
      <div className="form-grid">
        <CoordinateFields value={value} onPoint={onChange} />
      </div>
    </fieldset>
  );
}

/** A set of checkboxes (regions served, skills) as one labelled group. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  name,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  name: string;
}) {
  return (
    <fieldset className="checkbox-group" data-testid={`${name}-group`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
