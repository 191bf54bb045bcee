import type { TeamStatus } from '#contracts';
import { TEAM_STATUS_STYLE } from '../../common/category-style';
import { L } from './leaflet';

// Teams drawn on a canvas like the incidents (canvas-marks.ts) instead of 300 DOM labels that were repositioned,
// laid out and restyled on every move and zoom (issue 12). A team keeps its look: a label in its status colour with
// the status glyph (status is never told by colour alone) and its call sign, anchored where the DOM label was.

const FONT_PX = 12;
const PAD_X = 6;
const BORDER = 2;
const HEIGHT = 20;
/** Where the team's position is within its label, from the top left (the DOM icon's iconAnchor). */
const ANCHOR = 12;

let font: string | null = null;
function labelFont(): string {
  font ??= `700 ${FONT_PX}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  return font;
}

/** The label as a small canvas at the screen's pixel density, drawn when the team's status or call sign changes. */
function labelSprite(status: TeamStatus, callsign: string): { canvas: HTMLCanvasElement; width: number } {
  const style = TEAM_STATUS_STYLE[status];
  const text = `${style.glyph} ${callsign}`;
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  let ctx = canvas.getContext('2d')!;
  ctx.font = labelFont();
  const width = Math.ceil(ctx.measureText(text).width) + 2 * (PAD_X + BORDER);
  canvas.width = width * ratio;
  canvas.height = HEIGHT * ratio;
  ctx = canvas.getContext('2d')!; // resizing resets the context's state
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.roundRect(0, 0, width, HEIGHT, 4);
  ctx.fill();
  ctx.fillStyle = style.color;
  ctx.beginPath();
  ctx.roundRect(BORDER, BORDER, width - 2 * BORDER, HEIGHT - 2 * BORDER, 2);
  ctx.fill();
  ctx.font = labelFont();
  ctx.fillStyle = style.ink;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, BORDER + PAD_X, HEIGHT / 2 + 1);
  return { canvas, width };
}

export interface TeamMarkOptions extends L.CircleMarkerOptions {
  status: TeamStatus;
  callsign: string;
}

/** What Leaflet's canvas renderer and path layers keep privately, as narrowly as it is used here. */
interface PathInternals {
  _renderer: L.Renderer & { _ctx?: CanvasRenderingContext2D; _drawing?: boolean };
  _point: L.Point;
  _pxBounds: L.Bounds;
  _empty(): boolean;
}

/** One team's label on a canvas renderer: a point layer to Leaflet (projection, partial redraws). */
export class TeamMark extends L.CircleMarker {
  declare options: TeamMarkOptions;
  private sprite: { canvas: HTMLCanvasElement; width: number };

  constructor(latLng: L.LatLngExpression, options: TeamMarkOptions) {
    // A radius, or Leaflet takes the mark for empty; the label's own box is set in _updateBounds.
    super(latLng, { ...options, radius: 1, interactive: false });
    this.sprite = labelSprite(options.status, options.callsign);
  }

  /** Restyles in place; the renderer redraws only the label's box. */
  restyle(status: TeamStatus, callsign: string): void {
    if (status === this.options.status && callsign === this.options.callsign) return;
    this.options.status = status;
    this.options.callsign = callsign;
    this.sprite = labelSprite(status, callsign);
    this.redraw();
  }

  // The label's box, so that redraws after a move clear and repaint all of it.
  _updateBounds(): void {
    const self = this as unknown as PathInternals;
    const p = self._point;
    self._pxBounds = L.bounds(
      [p.x - ANCHOR - 1, p.y - ANCHOR - 1],
      [p.x - ANCHOR + this.sprite.width + 1, p.y - ANCHOR + HEIGHT + 1],
    );
  }

  _updatePath(): void {
    const self = this as unknown as PathInternals;
    const ctx = self._renderer._ctx;
    if (!ctx || !self._renderer._drawing || self._empty()) return;
    const p = self._point;
    ctx.drawImage(this.sprite.canvas, Math.round(p.x - ANCHOR), Math.round(p.y - ANCHOR), this.sprite.width, HEIGHT);
  }
}
