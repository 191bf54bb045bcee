import { CircleMarker, useMapEvents } from 'react-leaflet';
import { useI18n } from '../../i18n/i18n';
import { DispatchMap } from '../map/DispatchMap';

export interface PickedLocation {
  lat: number;
  lng: number;
  address: string;
}

function ClickToPlace({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPick(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))) });
  return null;
}

/** Place the caller's location by clicking the map, or type coordinates and an address. */
export function LocationPicker({
  value,
  onChange,
}: {
  value: PickedLocation | null;
  onChange: (value: PickedLocation) => void;
}) {
  const { t } = useI18n();
  const address = value?.address ?? '';
  const setNumber = (key: 'lat' | 'lng', text: string) => {
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) return;
    onChange({ lat: value?.lat ?? 0, lng: value?.lng ?? 0, address, [key]: n });
  };
  return (
    <section className="location-picker" aria-labelledby="location-title">
      <h3 id="location-title">{t.counselor.location}</h3>
      <p className="hint">{t.map.placeHint}</p>
      <DispatchMap shadeRegions={false} className="picker-map">
        <ClickToPlace onPick={(lat, lng) => onChange({ lat, lng, address })} />
        {value ? (
          <CircleMarker
            center={[value.lat, value.lng]}
            radius={10}
            pathOptions={{ color: '#000', weight: 3, fillColor: '#D55E00', fillOpacity: 0.9 }}
          />
        ) : null}
      </DispatchMap>
      <div className="location-fields">
        <label className="field">
          <span>{t.counselor.latitude}</span>
          <input
            name="lat"
            type="number"
            step="any"
            min={-90}
            max={90}
            value={value?.lat ?? ''}
            onChange={(e) => setNumber('lat', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t.counselor.longitude}</span>
          <input
            name="lng"
            type="number"
            step="any"
            min={-180}
            max={180}
            value={value?.lng ?? ''}
            onChange={(e) => setNumber('lng', e.target.value)}
          />
        </label>
        <label className="field field-wide">
          <span>{t.counselor.address}</span>
          <input
            name="address"
            maxLength={300}
            value={address}
            onChange={(e) => value && onChange({ ...value, address: e.target.value })}
            disabled={!value}
          />
        </label>
      </div>
    </section>
  );
}
