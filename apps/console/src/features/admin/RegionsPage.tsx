import { useMemo, useState, type ChangeEvent } from 'react';
import { parseRegionCollection } from '#geo';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { TableHead } from '../../common/TableHead';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { DispatchMap } from '../map/DispatchMap';
import { forgetRegions, useRegions } from '../map/use-regions';
import { RegionPreviewLayer } from './RegionPreviewLayer';
import './admin.css';

const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Region boundaries from a GeoJSON file (admin): the file is read and checked in the browser with the same parser
 * the server uses, previewed on the map, and only then saved (POST /regions/import upserts by code).
 */
export function RegionsPage() {
  const { api } = useAuth();
  const { t } = useI18n();
  const { regions } = useRegions();
  const [file, setFile] = useState<{ name: string; json: unknown; keys: string[] } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [nameProperty, setNameProperty] = useState('name');
  const [codeProperty, setCodeProperty] = useState('code');
  const [nameKoProperty, setNameKoProperty] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, failure, run } = useAction();

  const parsed = useMemo(
    () =>
      file
        ? parseRegionCollection(file.json, {
            nameProperty,
            codeProperty,
            ...(nameKoProperty ? { nameKoProperty } : {}),
          })
        : null,
    [file, nameProperty, codeProperty, nameKoProperty],
  );
  const existing = new Set((regions?.features ?? []).map((f) => f.properties.code));

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    setSaved(null);
    setReadError(null);
    setFile(null);
    const f = e.target.files?.[0];
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) return setReadError(t.centre.fileTooLarge);
    try {
      const json: unknown = JSON.parse(await f.text());
      const first = (json as { features?: { properties?: Record<string, unknown> }[] }).features?.[0]?.properties ?? {};
      const keys = Object.keys(first);
      if (!keys.includes(nameProperty) && keys[0]) setNameProperty(keys.find((k) => /name/i.test(k)) ?? keys[0]);
      if (!keys.includes(codeProperty) && keys[0]) setCodeProperty(keys.find((k) => /code|id/i.test(k)) ?? keys[0]);
      setFile({ name: f.name, json, keys });
    } catch {
      setReadError(t.centre.notJson);
    }
  };

  const save = () =>
    void run(async () => {
      if (!file) return;
      const result = await api.importRegions(file.json, nameProperty, codeProperty, nameKoProperty || undefined);
      forgetRegions();
      setSaved(t.centre.regionsSaved(result.created, result.updated));
      setFile(null);
    });

  const propertySelect = (label: string, value: string, set: (v: string) => void, optional: boolean) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        {optional ? <option value="">{t.centre.none}</option> : null}
        {(file?.keys ?? []).map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="admin-page" data-testid="regions-page">
      <h2 className="admin-title">{t.centre.regions}</h2>
      <section className="panel" aria-labelledby="region-import-title">
        <h2 id="region-import-title" className="panel-title">
          {t.centre.importRegions}
        </h2>
        <p className="hint">{t.centre.importHint}</p>
        <label className="field">
          <span>{t.centre.geojsonFile}</span>
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => void choose(e)}
            data-testid="geojson-file"
          />
        </label>
        <FailureNote failure={readError} />
        {saved ? (
          <p className="notice" role="status" data-testid="regions-saved">
            {saved}
          </p>
        ) : null}
        {file ? (
          <div className="form-grid">
            {propertySelect(t.centre.nameProperty, nameProperty, setNameProperty, false)}
            {propertySelect(t.centre.codeProperty, codeProperty, setCodeProperty, false)}
            {propertySelect(t.centre.nameKoProperty, nameKoProperty, setNameKoProperty, true)}
          </div>
        ) : null}
        {parsed && !parsed.ok ? (
          <ul className="error-list" role="alert" data-testid="geojson-errors">
            {parsed.errors.map((e, i) => (
              <li key={i}>
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        ) : null}
        {parsed?.ok ? (
          <>
            <table className="admin-table" data-testid="region-preview">
              <caption>{t.centre.previewCaption(file?.name ?? '', parsed.regions.length)}</caption>
              <TableHead columns={[t.centre.regionCode, t.centre.regionName, t.centre.regionNameKo, t.centre.change]} />
              <tbody>
                {parsed.regions.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">{r.code}</th>
                    <td>{r.name}</td>
                    <td>{r.nameKo ?? '—'}</td>
                    <td>{existing.has(r.code) ? t.centre.willUpdate : t.centre.willCreate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <FailureNote failure={failure} testId="regions-failure" />
            <div className="row-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={save}
                disabled={busy}
                data-testid="save-regions"
              >
                {t.centre.saveRegions(parsed.regions.length)}
              </button>
              <button type="button" className="btn" onClick={() => setFile(null)}>
                {t.app.cancel}
              </button>
            </div>
          </>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="region-map-title">
        <h2 id="region-map-title" className="panel-title">
          {parsed?.ok ? t.centre.previewMap : t.centre.currentRegions}
        </h2>
        <DispatchMap shadeRegions={false} className="region-map">
          {parsed?.ok ? <RegionPreviewLayer regions={parsed.regions} /> : null}
        </DispatchMap>
      </section>
    </div>
  );
}
