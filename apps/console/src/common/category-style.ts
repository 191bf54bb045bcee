import { CATEGORIES, type AlertSeverity, type Category, type TeamStatus } from '#contracts';

// Urgency is never told by colour alone: each category has its own shape and its letter, and the colours are
// the Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies.

export interface ShapeStyle {
  fill: string;
  /** Letter colour chosen for contrast on `fill`. */
  ink: string;
  /** SVG markup of the shape in a 24×24 view box (no letter). */
  shape: string;
  /** Vertical position of the letter's baseline (triangles sit lower). */
  letterY: number;
}

const STROKE = 'stroke="#1a1a1a" stroke-width="1.5"';

export const CATEGORY_STYLE: Record<Category, ShapeStyle> = {
  A: {
    fill: '#D55E00',
    ink: '#000',
    shape: `<polygon points="7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7" fill="#D55E00" ${STROKE}/>`,
    letterY: 16.5,
  },
  B: {
    fill: '#E69F00',
    ink: '#000',
    shape: `<polygon points="12,1 23.5,22.5 0.5,22.5" fill="#E69F00" ${STROKE}/>`,
    letterY: 20,
  },
  C: {
    fill: '#CC79A7',
    ink: '#000',
    shape: `<polygon points="12,0.5 23.5,12 12,23.5 0.5,12" fill="#CC79A7" ${STROKE}/>`,
    letterY: 16.5,
  },
  D: {
    fill: '#0072B2',
    ink: '#fff',
    shape: `<rect x="2" y="2" width="20" height="20" fill="#0072B2" ${STROKE}/>`,
    letterY: 16.5,
  },
  E: {
    fill: '#56B4E9',
    ink: '#000',
    shape: `<circle cx="12" cy="12" r="11" fill="#56B4E9" ${STROKE}/>`,
    letterY: 16.5,
  },
  F: {
    fill: '#009E73',
    ink: '#000',
    shape: `<polygon points="12,1 23,9.5 19,23 5,23 1,9.5" fill="#009E73" ${STROKE}/>`,
    letterY: 18,
  },
  G: {
    fill: '#ffffff',
    ink: '#000',
    shape: `<circle cx="12" cy="12" r="10.5" fill="#ffffff" stroke="#1a1a1a" stroke-width="2.5" stroke-dasharray="3 2"/>`,
    letterY: 16.5,
  },
};

/** The full badge SVG (shape + letter), built once per category and reused by map icons and lists. */
export const CATEGORY_SVG: Record<Category, string> = Object.fromEntries(
  (Object.keys(CATEGORY_STYLE) as Category[]).map((c) => {
    const s = CATEGORY_STYLE[c];
    return [
      c,
      `<svg viewBox="0 0 24 24" width="100%" height="100%" aria-hidden="true" focusable="false">${s.shape}` +
        `<text x="12" y="${s.letterY}" text-anchor="middle" font-size="12" font-weight="700" font-family="system-ui, sans-serif" fill="${s.ink}">${c}</text></svg>`,
    ];
  }),
) as Record<Category, string>;

export interface StatusStyle {
  color: string;
  ink: string;
  glyph: string;
}

export const TEAM_STATUS_STYLE: Record<TeamStatus, StatusStyle> = {
  available: { color: '#009E73', ink: '#000', glyph: '✓' },
  offered: { color: '#E69F00', ink: '#000', glyph: '?' },
  'en-route': { color: '#0072B2', ink: '#fff', glyph: '➜' },
  'on-scene': { color: '#CC79A7', ink: '#000', glyph: '●' },
  transporting: { color: '#56B4E9', ink: '#000', glyph: '✚' },
  unavailable: { color: '#555555', ink: '#fff', glyph: '✕' },
  'off-duty': { color: '#d9d9d9', ink: '#000', glyph: '–' },
};

export const SEVERITY_STYLE: Record<AlertSeverity, StatusStyle> = {
  critical: { color: '#D55E00', ink: '#000', glyph: '▲' },
  warning: { color: '#E69F00', ink: '#000', glyph: '◆' },
  info: { color: '#56B4E9', ink: '#000', glyph: '●' },
};

/** Most urgent first: A is 0 (the queue's order; a map cluster takes the shape of the most urgent inside). */
export const CATEGORY_RANK = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;
