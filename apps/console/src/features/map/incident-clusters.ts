import type { Feature, Point } from 'geojson';
import Supercluster from 'supercluster';
import { CATEGORIES, type Category } from '#contracts';
import { IncidentMark } from './canvas-marks';
import { CATEGORY_RANK } from '../../common/category-style';
import { L } from './leaflet';

// The incidents that may cluster (a team is on them), grouped by supercluster and drawn on the canvas. The index
// is rebuilt from plain points when they change (a few milliseconds for thousands), and only the clusters and
// points of the current view become canvas marks, kept from one view to the next when unchanged.

/** Below this zoom everything clusters; from it on every incident stands alone (markercluster's disableClusteringAtZoom). */
export const CLUSTER_MAX_ZOOM = 14;
const CLUSTER_RADIUS_PX = 40;
const POINT_SIZE = 12;
const CLUSTER_SIZE = 30;
/** Changes arriving together are folded into one rebuild. */
const REBUILD_DELAY_MS = 250;

interface PointProps {
  id: string;
  category: Category;
}
interface ClusterProps {
  /** Rank of the most urgent category inside (CATEGORY_RANK). */
  rank: number;
}

export interface ClusterablePoint {
  lat: number;
  lng: number;
  category: Category;
}

export class IncidentClusters {
  private readonly points = new Map<string, ClusterablePoint>();
  private readonly group = L.layerGroup();
  /** The marks of the current view, by what they show: an unchanged cluster or point is not redrawn. */
  private shown = new Map<string, { mark: IncidentMark; clusterId: number | null }>();
  private index: Supercluster<PointProps, ClusterProps> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly map: L.Map,
    private readonly renderer: L.Canvas,
    private readonly onSelect: (id: string) => void,
  ) {
    this.group.addTo(map);
    map.on('moveend', this.onMoveEnd);
  }

  set(id: string, point: ClusterablePoint): void {
    const current = this.points.get(id);
    if (current && current.lat === point.lat && current.lng === point.lng && current.category === point.category)
      return;
    this.points.set(id, point);
    this.schedule();
  }

  delete(id: string): void {
    if (this.points.delete(id)) this.schedule();
  }

  /** Builds the index now (the first load), instead of after the delay. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.rebuild();
  }

  remove(): void {
    if (this.timer) clearTimeout(this.timer);
    this.map.off('moveend', this.onMoveEnd);
    this.group.remove();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.rebuild();
    }, REBUILD_DELAY_MS);
  }

  private rebuild(): void {
    const index = new Supercluster<PointProps, ClusterProps>({
      radius: CLUSTER_RADIUS_PX,
      minZoom: Math.floor(this.map.getMinZoom()),
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (p) => ({ rank: CATEGORY_RANK[p.category] }),
      reduce: (acc, p) => {
        acc.rank = Math.min(acc.rank, p.rank);
      },
    });
    const features: Feature<Point, PointProps>[] = [];
    for (const [id, p] of this.points)
      features.push({
        type: 'Feature',
        properties: { id, category: p.category },
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      });
    index.load(features);
    this.index = index;
    this.render();
  }

  // An arrow property, so the same function is registered with Leaflet and removed again.
  private readonly onMoveEnd = (): void => this.render();

  private render(): void {
    if (!this.index) return;
    const b = this.map.getBounds().pad(0.25);
    const zoom = Math.floor(this.map.getZoom());
    const next = new Map<string, { mark: IncidentMark; clusterId: number | null }>();
    for (const f of this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties;
      const cluster = 'cluster' in props && props.cluster ? props : null;
      const category = cluster ? CATEGORIES[cluster.rank] : (props as PointProps).category;
      const key = cluster
        ? `c|${zoom}|${lat}|${lng}|${cluster.point_count}|${category}`
        : `p|${(props as PointProps).id}|${lat}|${lng}|${category}`;
      const kept = this.shown.get(key);
      if (kept) {
        kept.clusterId = cluster ? cluster.cluster_id : null;
        next.set(key, kept);
        this.shown.delete(key);
        continue;
      }
      const mark = new IncidentMark([lat, lng], {
        renderer: this.renderer,
        category,
        size: cluster ? CLUSTER_SIZE : POINT_SIZE,
        count: cluster ? cluster.point_count : undefined,
      });
      const entry = { mark, clusterId: cluster ? cluster.cluster_id : null };
      const id = cluster ? null : (props as PointProps).id;
      mark.on('click', () => (id ? this.onSelect(id) : this.zoomInto(entry.clusterId, lat, lng)));
      this.group.addLayer(mark);
      next.set(key, entry);
    }
    for (const { mark } of this.shown.values()) this.group.removeLayer(mark);
    this.shown = next;
    let clusters = 0;
    for (const { clusterId } of next.values()) if (clusterId !== null) clusters += 1;
    this.map.getContainer().dataset.clusters = String(clusters);
  }

  private zoomInto(clusterId: number | null, lat: number, lng: number): void {
    if (clusterId === null || !this.index) return;
    let zoom = CLUSTER_MAX_ZOOM + 1;
    try {
      zoom = Math.min(this.index.getClusterExpansionZoom(clusterId), zoom);
    } catch {
      // the index was rebuilt since this view: zoom past clustering
    }
    this.map.setView([lat, lng], zoom);
  }
}
