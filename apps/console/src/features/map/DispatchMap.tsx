import type { ReactNode } from 'react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import type { FeatureCollection } from 'geojson';
import type { RegionCollection } from '#contracts';
import { useConfig } from '../../app/config';
import { useI18n } from '../../i18n/i18n';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { L } from './leaflet';
import { RegionLayer } from './RegionLayer';
import { useRegions } from './use-regions';

const FIT_PADDING: L.PointTuple = [6, 6];

/**
 * Leaflet measures its container once, when it is created, and the grid around it settles later (and changes
 * with the window): sized too early, the SVG renderer drew the regions into the top half only. So the map is
 * re-measured on every size change, and fitted to the regions once they are loaded and the container has its
 * real size, and again after each resize until the operator moves or zooms the map themselves.
 */
function FitToRegions({ regions }: { regions: RegionCollection | null }) {
  const map = useMap();
  const bounds = useMemo(
    () => (regions ? L.geoJSON(regions as unknown as FeatureCollection).getBounds() : null),
    [regions],
  );
  const operatorMoved = useRef(false);

  useEffect(() => {
    const container = map.getContainer();
    // Only the operator's own input counts: fitting and the drawer's pans to a selected incident do not.
    const moved = () => {
      operatorMoved.current = true;
    };
    const movedByKey = (e: KeyboardEvent) => {
      if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', '=', '_'].includes(e.key)) moved();
    };
    const movedByControl = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest('.leaflet-control-zoom')) moved();
    };
    map.on('dragstart', moved);
    container.addEventListener('wheel', moved, { passive: true });
    container.addEventListener('dblclick', moved);
    container.addEventListener('keydown', movedByKey);
    container.addEventListener('click', movedByControl);

    const fit = () => {
      map.invalidateSize({ pan: false });
      const size = map.getSize();
      if (!bounds?.isValid() || size.x === 0 || size.y === 0 || operatorMoved.current) return;
      map.fitBounds(bounds, { padding: FIT_PADDING, animate: false });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => {
      observer.disconnect();
      map.off('dragstart', moved);
      container.removeEventListener('wheel', moved);
      container.removeEventListener('dblclick', moved);
      container.removeEventListener('keydown', movedByKey);
      container.removeEventListener('click', movedByControl);
    };
  }, [map, bounds]);
  return null;
}

/** The map's keyboard focus (Leaflet's container, Alt+2) is described by the same note as its frame. */
function DescribedBy({ id }: { id: string }) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('aria-describedby', id);
    return () => container.removeAttribute('aria-describedby');
  }, [map, id]);
  return null;
}

/**
 * The map frame: region polygons are the base layer, so the map works with no tile server; tiles are added only
 * when GET /config names a tile URL.
 */
export function DispatchMap({
  shadeRegions,
  children,
  className,
  note,
}: {
  shadeRegions: boolean;
  children?: ReactNode;
  className?: string;
  /** What a keyboard or screen-reader user should know of this map (read as its description, not shown). */
  note?: string;
}) {
  const config = useConfig();
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const noteId = useId();
  return (
    <div
      className={`map-frame ${className ?? ''}`}
      role="region"
      aria-label={t.map.label}
      aria-describedby={note ? noteId : undefined}
      data-testid="map"
    >
      {note ? (
        <p id={noteId} className="visually-hidden">
          {note}
        </p>
      ) : null}
      <ErrorBoundary>
        <MapContainer
          center={[config.mapCenter.lat, config.mapCenter.lng]}
          zoom={config.mapZoom}
          // Without a tile layer Leaflet knows no zoom limits, and clustering needs them.
          minZoom={8}
          maxZoom={18}
          // Fine steps let the fitted city fill the frame instead of the next whole zoom level down.
          zoomSnap={0.1}
          className="map"
          zoomControl={false}
          keyboard
        >
          <ZoomControl key={lang} zoomInTitle={t.map.zoomIn} zoomOutTitle={t.map.zoomOut} />
          {config.tileUrl ? <TileLayer url={config.tileUrl} attribution={config.tileAttribution ?? undefined} /> : null}
          <FitToRegions regions={regions} />
          {note ? <DescribedBy id={noteId} /> : null}
          {regions ? <RegionLayer regions={regions} shade={shadeRegions} /> : null}
          {children}
        </MapContainer>
      </ErrorBoundary>
      {config.tileUrl ? null : <div className="map-offline-note">{t.map.noTiles}</div>}
    </div>
  );
}
