import { useCallback, useRef, useState } from 'react';
import type { GeocodedPlace, LatLng } from '#contracts';
import { findRegion } from '#geo';
import { callerIsThirdParty } from '#triage';
import { useConfig } from '../../app/config';
import { useI18n } from '../../i18n/i18n';
import { useRegions } from '../map/use-regions';
import { AddressSearch } from '../location/AddressSearch';
import { CoordinateFields } from '../location/CoordinateFields';
import { DistrictPicker } from '../location/DistrictPicker';
import { formatCoordinate, roundPoint } from '../location/location-fields';
import { PickerMap, type ViewRequest } from '../location/PickerMap';
import '../location/location.css';

export interface PickedLocation {
  lat: number;
  lng: number;
  address: string;
  /** Only the district is known: the point stands for it (its label point). */
  approximate?: boolean;
}

const INSTRUCTIONS_ID = 'location-keyboard-hint';

/**
 * Where the person in crisis is: click the map or place the point with the keyboard, search the address through the
 * centre's geocoder (else choose the district), or type the coordinates. The address box is free at all times.
 * `callerRelation` words the hint for a caller phoning about someone else.
 */
export function LocationPicker({
  value,
  onChange,
  callerRelation = null,
}: {
  value: PickedLocation | null;
  onChange: (value: PickedLocation | null) => void;
  callerRelation?: string | null;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const { regions, regionName } = useRegions();
  const [address, setAddress] = useState(value?.address ?? '');
  const [district, setDistrict] = useState('');
  const [searchUp, setSearchUp] = useState(true);
  const [view, setView] = useState<ViewRequest | null>(null);
  // The address last filled in from a search result or district: replaced by the next one, unlike typed text.
  const filled = useRef('');
  // A location set from outside (a prefill) brings its address with it.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (value && value.address !== address) setAddress(value.address);
  }

  const emit = useCallback(
    (point: LatLng | null, nextAddress: string, approximate = false) => {
      if (!approximate) setDistrict('');
      onChange(point ? { ...roundPoint(point), address: nextAddress, approximate } : null);
    },
    [onChange],
  );
  const place = useCallback((p: LatLng) => emit(p, address), [emit, address]);
  const fill = (next: string) => {
    const replace = address.trim() === '' || address === filled.current;
    filled.current = replace ? next : filled.current;
    const result = replace ? next : address;
    setAddress(result);
    return result;
  };
  const pickPlace = (p: GeocodedPlace) => {
    emit(p, fill(p.label));
    setView((v) => ({ point: p, seq: (v?.seq ?? 0) + 1 }));
  };
  const pickDistrict = (regionId: string, point: LatLng, name: string) => {
    setDistrict(regionId);
    emit(point, fill(t.location.approximateAddress(name)), true);
    setView((v) => ({ point, seq: (v?.seq ?? 0) + 1 }));
  };

  const point = value ? { lat: value.lat, lng: value.lng } : null;
  const region = point && regions ? findRegion(point, regions.features) : null;
  const relation = callerRelation?.trim() ?? '';
  return (
    <section className="location-picker" aria-labelledby="location-title">
      <h3 id="location-title">{t.counselor.location}</h3>
      <p className="hint" data-testid="location-hint">
        {callerIsThirdParty(relation) ? t.location.placeHintThirdParty(relation) : t.location.placeHint}
      </p>
      <p className="hint" id={INSTRUCTIONS_ID}>
        {t.location.keyboardHint}
      </p>
      <PickerMap
        point={point}
        approximate={value?.approximate === true}
        onPlace={place}
        view={view}
        instructionsId={INSTRUCTIONS_ID}
      />
      <p className="location-status" role="status" data-testid="location-status">
        {point
          ? [
              t.location.placedAt(formatCoordinate(point.lat), formatCoordinate(point.lng)),
              region ? t.location.inDistrict(regionName(region.id)) : t.location.outsideDistricts,
            ].join(' · ')
          : t.location.noPoint}
        {value?.approximate ? <strong className="approximate-note"> {t.location.approximate}</strong> : null}
      </p>
      <div className="location-fields">
        {config.geocoding ? <AddressSearch onPick={pickPlace} onAvailability={setSearchUp} /> : null}
        {regions && (!config.geocoding || !searchUp) ? (
          <DistrictPicker regions={regions} value={district} onPick={pickDistrict} />
        ) : null}
        <CoordinateFields value={point} onPoint={(p) => emit(p, address)} />
        <label className="field field-wide">
          <span>{t.location.address}</span>
          <input
            name="address"
            maxLength={300}
            value={address}
            onChange={(e) => {
              setAddress(e.target.value);
              if (value) onChange({ ...value, address: e.target.value });
            }}
          />
        </label>
      </div>
    </section>
  );
}
