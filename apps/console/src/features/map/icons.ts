import type { Category } from '#contracts';
import { CATEGORY_SVG } from '../../common/category-style';
import { L } from './leaflet';

// Marker icons. The category shapes are SVG strings built once (common/category-style); a marker's divIcon is
// made only when its marker is created or its category, number or selection changes.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function incidentIcon(
  incident: { id: string; number: string; category: Category },
  selected: boolean,
): L.DivIcon {
  return L.divIcon({
    className: 'incident-icon',
    html:
      `<div class="incident-marker${selected ? ' is-selected' : ''}" data-testid="incident-marker" data-incident-id="${escapeHtml(incident.id)}"` +
      ` data-number="${escapeHtml(incident.number)}" data-category="${incident.category}">` +
      `<span class="incident-shape">${CATEGORY_SVG[incident.category]}</span>` +
      `<span class="incident-number">${escapeHtml(incident.number)}</span></div>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
  });
}

export function hospitalIcon(name: string, beds: number | null, agencyId = '', stale = false): L.DivIcon {
  return L.divIcon({
    className: 'hospital-icon',
    html:
      `<div class="hospital-marker${stale ? ' beds-stale' : ''}" data-testid="hospital-marker" data-agency-id="${escapeHtml(agencyId)}" title="${escapeHtml(name)}">` +
      `<span class="hospital-h" aria-hidden="true">H</span><span class="hospital-beds">${beds ?? '?'}</span></div>`,
    iconSize: undefined,
    iconAnchor: [12, 12],
  });
}
