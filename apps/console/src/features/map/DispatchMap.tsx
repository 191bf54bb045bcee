import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { useConfig } from '../../app/config';
import { useI18n } from '../../i18n/i18n';
import { RegionLayer } from './RegionLayer';
import { useRegions } from './use-regions';

/**
 * The map frame: region polygons are the base layer, so the map works with no tile server; tiles are added only
 * when GET /config names a tile URL.
 */
export function DispatchMap({ shadeRegions, children, className }: { shadeRegions: boolean; children?: ReactNode; className?: string }) {
  const config = useConfig();
  const { t } = useI18n();
  const { regions } = useRegions();
  return (
    <div className={`map-frame ${className ?? ''}`} role="region" aria-label={t.map.label} data-testid="map">
      <MapContainer center={[config.mapCenter.lat, config.mapCenter.lng]} zoom={config.mapZoom} className="map" zoomControl keyboard preferCanvas={false}>
        {config.tileUrl ? <TileLayer url={config.tileUrl} attribution={config.tileAttribution ?? undefined} /> : null}
        {regions ? <RegionLayer regions={regions} shade={shadeRegions} /> : null}
        {children}
      </MapContainer>
      {config.tileUrl ? null : <div className="map-offline-note">{t.map.noTiles}</div>}
    </div>
  );
}
