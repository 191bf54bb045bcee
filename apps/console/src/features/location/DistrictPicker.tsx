import { useMemo } from 'react';
import type { LatLng, RegionCollection } from '#contracts';
import { labelPoint } from '#geo';
import { useI18n } from '../../i18n/i18n';
import { regionLabel } from '../map/use-regions';

/**
 * When no geocoder is configured (or it is down): the district the caller names. The point goes to a point inside
 * the district (its label point), and the picker marks it as approximate.
 */
export function DistrictPicker({
  regions,
  value,
  onPick,
}: {
  regions: RegionCollection;
  value: string;
  onPick: (regionId: string, point: LatLng, name: string) => void;
}) {
  const { t, lang } = useI18n();
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return regions.features
      .map((f) => ({
        id: f.id,
        name: regionLabel(f.properties, lang),
        geometry: f.geometry,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [regions, lang]);
  return (
    <label className="field field-wide">
      <span>{t.location.district}</span>
      <select
        name="district"
        value={value}
        onChange={(e) => {
          const region = options.find((o) => o.id === e.target.value);
          if (region) onPick(region.id, labelPoint(region.geometry), region.name);
        }}
      >
        <option value="">{t.location.chooseDistrict}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
