import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, MapContainer } from 'react-leaflet';
import type { FeatureCollection } from 'geojson';
import type { KpiReport, StaffingPlan, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { L } from '../map/leaflet';
import { useRegions } from '../map/use-regions';
import { downloadRows } from './csv-download';
import { formatValue, staffingGap } from './dashboard-model';
import { districtShade, responseBadness, staffingBadness } from './district-shading';

type Metric = 'response' | 'staffing';

interface DistrictRow {
  regionId: string;
  name: string;
  incidents: number;
  withinTargetShare: number;
  population: number | null;
  planned: number | null;
  smiMinimum: number | null;
  rostered: number;
  gap: number | null;
  badness: number | null;
}

function districtRows(
  metric: Metric,
  names: Map<string, string>,
  reports: { regionId: string; report: KpiReport }[],
  plan: StaffingPlan,
  teams: TeamView[],
): DistrictRow[] {
  const byRegion = new Map(plan.regions.map((r) => [r.regionId, r]));
  const rostered = new Map<string, number>();
  for (const team of teams)
    if (team.onDuty) rostered.set(team.regionId, (rostered.get(team.regionId) ?? 0) + team.size);
  return reports.map(({ regionId, report }) => {
    const p = byRegion.get(regionId);
    const onDuty = rostered.get(regionId) ?? 0;
    const planned = p?.staffTotal ?? null;
    const gap = staffingGap(planned, onDuty);
    return {
      regionId,
      name: names.get(regionId) ?? regionId,
      incidents: report.incidents.total,
      withinTargetShare: report.response.withinTargetShare,
      population: p?.population ?? null,
      planned,
      smiMinimum: p?.smiMinimumWorkforce ?? null,
      rostered: onDuty,
      gap,
      badness:
        metric === 'response'
          ? responseBadness(report.response.withinTargetShare, report.incidents.total)
          : staffingBadness(gap, planned),
    };
  });
}

/** The districts shaded by response within target or by staffing gap (GET /planning/staffing beside who is on duty), with the table. */
export function DistrictMap({ query, onReady }: { query: string; onReady: (period: string | null) => void }) {
  const { t, lang } = useI18n();
  const { api } = useAuth();
  const { regions, regionName } = useRegions();
  const [metric, setMetric] = useState<Metric>('response');
  const loaded = useLoad(
    async (signal) => Promise.all([api.kpiRegions(query, signal), api.staffing(), api.teams()]),
    query,
  );
  const first = loaded.data?.[0]?.[0]?.report;
  const ready = !loaded.loading && loaded.data ? (first ? `${first.from}|${first.to}` : 'no-regions') : null;
  useEffect(() => onReady(ready), [ready, onReady]);
  const names = useMemo(
    () => new Map((regions?.features ?? []).map((f) => [String(f.id), regionName(String(f.id))])),
    [regions, regionName],
  );
  const rows = useMemo(
    () => (loaded.data ? districtRows(metric, names, ...loaded.data) : []),
    [loaded.data, metric, names],
  );
  const shades = new Map(rows.map((r) => [r.regionId, r]));
  const bounds = useMemo(
    () => (regions ? L.geoJSON(regions as unknown as FeatureCollection).getBounds() : null),
    [regions],
  );
  const exportRows = () =>
    downloadRows(
      'districts.csv',
      [
        'region_id',
        'region',
        'incidents',
        'within_target_share',
        'population',
        'planned_staff',
        'smi_minimum',
        'rostered_now',
        'gap',
      ],
      rows.map((r) => [
        r.regionId,
        r.name,
        r.incidents,
        r.withinTargetShare,
        r.population,
        r.planned,
        r.smiMinimum,
        r.rostered,
        r.gap,
      ]),
    );
  return (
    <section className="panel domain-section" aria-labelledby="districts-title" data-testid="district-map">
      <h3 id="districts-title">{t.dashboard.districtMap}</h3>
      <fieldset className="inline-choice no-print">
        <legend>{t.dashboard.shadeBy}</legend>
        {(['response', 'staffing'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="district-metric" value={m} checked={metric === m} onChange={() => setMetric(m)} />{' '}
            {m === 'response' ? t.dashboard.shadeResponse : t.dashboard.shadeStaffing}
          </label>
        ))}
      </fieldset>
      <div className="district-layout">
        <div className="district-map" role="region" aria-label={t.dashboard.mapLabel}>
          {regions && bounds?.isValid() ? (
            <MapContainer
              bounds={bounds}
              zoomSnap={0.1}
              className="map"
              scrollWheelZoom={false}
              attributionControl={false}
            >
              <GeoJSON
                key={`${metric}|${rows.length}|${lang}|${query}`}
                data={regions}
                style={(f) => districtShade(shades.get(String(f?.id))?.badness ?? null)}
                onEachFeature={(f, layer) => {
                  const r = shades.get(String(f.id));
                  const figure = !r
                    ? ''
                    : metric === 'response'
                      ? formatValue(r.withinTargetShare, 'share', lang)
                      : `${t.dashboard.gap} ${r.gap ?? '—'}`;
                  layer.bindTooltip(`${names.get(String(f.id)) ?? ''} · ${figure}`, { sticky: true });
                }}
              />
            </MapContainer>
          ) : null}
        </div>
        <div className="district-table">
          <DataTable
            caption={t.dashboard.districtMap}
            columns={(['region', 'incidents', 'withinTarget', 'plannedStaff', 'rosteredNow', 'gap'] as const).map(
              (k) => t.dashboard[k],
            )}
            testId="district-table"
          >
            {rows.map((r) => (
              <tr key={r.regionId} data-region-id={r.regionId} data-incidents={r.incidents} data-gap={r.gap ?? ''}>
                <th scope="row">{r.name}</th>
                <td>{r.incidents}</td>
                <td>{r.incidents ? formatValue(r.withinTargetShare, 'share', lang) : '—'}</td>
                <td>{r.planned ?? '—'}</td>
                <td>{r.rostered}</td>
                <td>{r.gap ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
          <ExportButton what={t.dashboard.districtMap} onClick={exportRows} />
        </div>
      </div>
    </section>
  );
}
