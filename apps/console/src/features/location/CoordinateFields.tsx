import { useId, useState, type ClipboardEvent } from 'react';
import type { LatLng } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import {
  formatCoordinate,
  pointFromTexts,
  readCoordinate,
  samePoint,
  splitPastedPoint,
  type Axis,
} from './location-fields';
import './location.css';

/**
 * Latitude and longitude as typed text, each box on its own: `onPoint` gets a point only when both are valid, and
 * null while either is empty or wrong (with the reason shown under the box). A point placed another way (map,
 * keyboard, search, district) fills both boxes.
 */
export function CoordinateFields({ value, onPoint }: { value: LatLng | null; onPoint: (p: LatLng | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState({
    lat: value ? formatCoordinate(value.lat) : '',
    lng: value ? formatCoordinate(value.lng) : '',
  });
  // A point from elsewhere replaces the boxes, unless they already say it (React's "adjust state on a prop change").
  const [seen, setSeen] = useState(value);
  if (!samePoint(seen, value)) {
    setSeen(value);
    if (value && !samePoint(pointFromTexts(text.lat, text.lng), value)) {
      setText({ lat: formatCoordinate(value.lat), lng: formatCoordinate(value.lng) });
    }
  }

  const update = (next: { lat: string; lng: string }) => {
    setText(next);
    const point = pointFromTexts(next.lat, next.lng);
    setSeen(point);
    if (!samePoint(point, value)) onPoint(point);
  };
  const onPaste = (axis: Axis) => (e: ClipboardEvent<HTMLInputElement>) => {
    const pair = axis === 'lat' ? splitPastedPoint(e.clipboardData.getData('text')) : null;
    if (!pair) return;
    e.preventDefault();
    update(pair);
  };
  const lat = readCoordinate(text.lat, 'lat');
  const lng = readCoordinate(text.lng, 'lng');
  const half = (typeof lat === 'number') !== (typeof lng === 'number') && lat !== 'invalid' && lng !== 'invalid';
  const field = (axis: Axis, label: string, problem: string | null) => (
    <label className="field">
      <span>{label}</span>
      <input
        name={axis}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text[axis]}
        onChange={(e) => update({ ...text, [axis]: e.target.value })}
        onPaste={onPaste(axis)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-${axis}-problem` : half ? `${id}-need-both` : undefined}
      />
      {problem ? (
        <span className="field-error" id={`${id}-${axis}-problem`} data-testid={`${axis}-problem`}>
          {problem}
        </span>
      ) : null}
    </label>
  );
  return (
    <>
      {field('lat', t.location.latitude, lat === 'invalid' ? t.location.latitudeInvalid : null)}
      {field('lng', t.location.longitude, lng === 'invalid' ? t.location.longitudeInvalid : null)}
      {half ? (
        <p className="hint field-wide" id={`${id}-need-both`} data-testid="need-both">
          {t.location.needBoth}
        </p>
      ) : null}
    </>
  );
}
