import { useMemo, useState } from 'react';
import type { AgencyView } from '#contracts';
import { formatTime } from '../../common/format';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';
import { agencyOptions } from './agency-options';
import { localName } from '../../common/local-name';

/** The handoff agency picker: a search box and a list grouped by kind, nearest to the incident first (item 7). */
export function AgencyPicker({
  incidentId,
  agencies,
  value,
  onChange,
}: {
  incidentId: string;
  agencies: readonly AgencyView[];
  value: string;
  onChange: (agencyId: string) => void;
}) {
  const { t, lang } = useI18n();
  const incident = useEntry('incidents', incidentId);
  const [query, setQuery] = useState('');
  const near = incident?.location ?? null;
  const groups = useMemo(() => agencyOptions(agencies, near, query), [agencies, near, query]);
  return (
    <>
      <label className="field">
        <span>{t.agencyPicker.search}</span>
        <input type="search" name="agency-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <label className="field">
        <span>{t.detail.agency}</span>
        <select name="agency" value={value} onChange={(e) => onChange(e.target.value)} required>
          <option value="">{groups.length === 0 ? t.agencyPicker.none : '—'}</option>
          {groups.map((g) => (
            <optgroup key={g.kind} label={t.agencyKind[g.kind]}>
              {g.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {localName(a.name, lang)}
                  {a.distanceKm !== null ? ` · ${t.agencyPicker.km(Math.round(a.distanceKm * 10) / 10)}` : ''}
                  {a.kind === 'hospital' && a.bedsAvailable !== null
                    ? ` (${t.map.beds(a.bedsAvailable)}${a.bedsUpdatedAt ? `, ${t.bedRequest.updated(formatTime(a.bedsUpdatedAt, lang))}` : ''})`
                    : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </>
  );
}
