// How the district map colours a region: a sequential scale of one hue (darker = worse), and "no data" grey with a
// dashed outline so it is not mistaken for the best step.

export interface DistrictShade {
  fillColor: string;
  fillOpacity: number;
  color: string;
  weight: number;
  dashArray: string | undefined;
}

const STEPS = ['#fee8d6', '#fdbb84', '#ef6548', '#b30000'] as const;

/** `badness` from 0 (good) to 1 (worst); null when there is nothing to show. */
export function districtShade(badness: number | null): DistrictShade {
  if (badness === null)
    return { fillColor: '#bdbdbd', fillOpacity: 0.25, color: '#5a5a5a', weight: 1, dashArray: '4 4' };
  const b = Math.min(1, Math.max(0, badness));
  const step = STEPS[Math.min(STEPS.length - 1, Math.floor(b * STEPS.length))];
  return { fillColor: step, fillOpacity: 0.7, color: '#3d3d3d', weight: 1, dashArray: undefined };
}

/** Response: the share of incidents not reached within target (no incidents: no data). */
export function responseBadness(withinTargetShare: number, incidents: number): number | null {
  return incidents === 0 ? null : 1 - withinTargetShare;
}

/** Staffing: the gap as a part of the planned staff (no plan: no data). */
export function staffingBadness(gap: number | null, planned: number | null): number | null {
  if (gap === null || planned === null || planned === 0) return null;
  return gap / planned;
}
