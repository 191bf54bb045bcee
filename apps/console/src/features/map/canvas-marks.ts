import type { Category } from '#contracts';
import { CATEGORY_STYLE } from '../../common/category-style';
import { L } from './leaflet';

// Incidents drawn on one canvas instead of one DOM element each: with thousands on the map, creating, laying out
// and repositioning icons was the cost (long tasks up to 470 ms per zoom step, issue 12). A canvas mark keeps the
// category's shape (urgency is never told by colour alone) and its colours, from the same CATEGORY_STYLE as the
// icons; the shapes become Path2D objects once, when this module loads.

const VIEW_BOX = 24;

/** The category shapes of common/category-style as canvas paths (polygon and rect markup; circles are arcs). */
function shapePath(markup: string): Path2D {
  const points = /points="([^"]+)"/.exec(markup);
  if (points) return new Path2D(`M${points[1]}Z`);
  const rect = /x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(markup);
  const path = new Path2D();
  if (rect) {
    const [x, y, w, h] = rect.slice(1).map(Number) as [number, number, number, number];
    path.rect(x, y, w, h);
    return path;
  }
  const circle = /r="([\d.]+)"/.exec(markup);
  path.arc(12, 12, Number(circle?.[1] ?? 11), 0, Math.PI * 2);
  return path;
}

const SHAPES = Object.fromEntries(
  (Object.keys(CATEGORY_STYLE) as Category[]).map((c) => [c, shapePath(CATEGORY_STYLE[c].shape)]),
) as Record<Category, Path2D>;

const sprites = new Map<string, HTMLCanvasElement>();

/** The category's shape at `size` CSS pixels, drawn once at the screen's pixel density and reused by every mark. */
function sprite(category: Category, size: number): HTMLCanvasElement {
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  const key = `${category}|${size}|${ratio}`;
  const cached = sprites.get(key);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size * ratio;
  const ctx = canvas.getContext('2d')!;
  const style = CATEGORY_STYLE[category];
  // The stroke straddles the outline: shrink a little so it is not clipped at the sprite's edge.
  const inset = 1.5;
  ctx.translate(inset * ratio, inset * ratio);
  ctx.scale(((size - 2 * inset) * ratio) / VIEW_BOX, ((size - 2 * inset) * ratio) / VIEW_BOX);
  ctx.fillStyle = style.fill;
  ctx.strokeStyle = '#1a1a1a';
  ctx.lineWidth = category === 'G' ? 2.5 : 1.5;
  ctx.setLineDash(category === 'G' ? [3, 2] : []);
  ctx.fill(SHAPES[category]);
  ctx.stroke(SHAPES[category]);
  sprites.set(key, canvas);
  return canvas;
}

export interface IncidentMarkOptions extends L.CircleMarkerOptions {
  category: Category;
  /** Pixel size of the shape; the hit area is its circumscribed circle. */
  size: number;
  /** A cluster's incident count, drawn on the shape; absent for a single incident. */
  count?: number;
}

/** What Leaflet's canvas renderer and path layers keep privately, as narrowly as it is used here. */
interface CanvasInternals {
  _ctx?: CanvasRenderingContext2D;
  /** True while the renderer draws its layers (Canvas._draw); drawing at any other time would not be cleared. */
  _drawing?: boolean;
}
interface PathInternals {
  _renderer: L.Renderer & CanvasInternals;
  _point: L.Point;
  _empty(): boolean;
}

/**
 * One incident (or a cluster of them) on a canvas renderer: a circle marker to Leaflet (projection, hit testing,
 * partial redraws), drawn as the category's shape, with the count for a cluster.
 */
export class IncidentMark extends L.CircleMarker {
  declare options: IncidentMarkOptions;

  constructor(latLng: L.LatLngExpression, options: IncidentMarkOptions) {
    super(latLng, { ...options, radius: options.size / 2 });
  }

  /** Restyles in place; the renderer redraws only the mark's own box. */
  restyle(category: Category, count?: number): void {
    if (category === this.options.category && count === this.options.count) return;
    this.options.category = category;
    this.options.count = count;
    this.redraw();
  }

  // Leaflet's canvas renderer calls this for each layer it (re)draws: one drawImage of a prepared sprite, the
  // cheapest canvas operation there is (a path per mark made each full redraw of thousands a long task).
  _updatePath(): void {
    const self = this as unknown as PathInternals;
    const ctx = self._renderer._ctx;
    if (!ctx || !self._renderer._drawing || self._empty()) return;
    const { category, size, count } = this.options;
    const p = self._point;
    ctx.drawImage(sprite(category, size), Math.round(p.x - size / 2), Math.round(p.y - size / 2), size, size);
    if (count !== undefined) {
      ctx.save();
      ctx.font = '700 12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      // A white halo keeps the number readable on every category colour.
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#fff';
      ctx.strokeText(String(count), p.x, p.y + 1);
      ctx.fillStyle = '#000';
      ctx.fillText(String(count), p.x, p.y + 1);
      ctx.restore();
    }
  }
}
