import type { AreaGeometry, FieldError, Position } from '#contracts';

// Parsing of a GeoJSON FeatureCollection of district boundaries into regions, for POST /regions/import and
// the import CLI. Pure: no I/O, never throws on bad input, reports every problem it can find with the path
// of the offending value, so an administrator can fix a 25-feature file in one round trip.

export interface RegionImportOptions {
  /** Property holding the display name, e.g. `name_eng`. Required in every feature. */
  nameProperty: string;
  /** Property holding the unique code, e.g. `code`. Numbers are accepted and stringified. */
  codeProperty: string;
  /** Property holding the Korean name, e.g. `name`. Absent, null or empty → null. */
  nameKoProperty?: string;
  /** Property holding the population. Absent or null → null. */
  populationProperty?: string;
}

export interface ImportedRegion {
  code: string;
  name: string;
  nameKo: string | null;
  population: number | null;
  geometry: AreaGeometry;
}

export type RegionImportResult = { ok: true; regions: ImportedRegion[] } | { ok: false; errors: FieldError[] };

/** Past this many problems the file is clearly the wrong one; more detail would only bloat the 400. */
export const MAX_IMPORT_ERRORS = 50;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

// Counts every problem (so "did this feature add any?" stays answerable) but keeps only the first few.
class ErrorList {
  readonly items: FieldError[] = [];
  count = 0;
  add(field: string, message: string): void {
    this.count++;
    if (this.items.length < MAX_IMPORT_ERRORS) this.items.push({ field, message });
  }
  get full(): boolean {
    return this.count >= MAX_IMPORT_ERRORS;
  }
}

function parsePosition(v: unknown, path: string, errors: ErrorList): Position | null {
  if (!Array.isArray(v) || v.length < 2) {
    errors.add(path, `must be a position [lng, lat], got ${describe(v)}`);
    return null;
  }
  const [lng, lat] = v as unknown[];
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    errors.add(`${path}[0]`, `longitude must be a finite number from -180 to 180, got ${describe(lng)}`);
    return null;
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    errors.add(`${path}[1]`, `latitude must be a finite number from -90 to 90, got ${describe(lat)}`);
    return null;
  }
  // A third (altitude) value is allowed by RFC 7946 and dropped: regions are 2-D.
  return [lng, lat];
}

function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/**
 * A linear ring. Decision on unclosed rings: they are closed by repeating the first position, because
 * hand-made and exported files often omit it and the intent is never in doubt. Rings are then rewound to
 * RFC 7946 order (exterior counter-clockwise, holes clockwise) so every stored geometry looks the same.
 */
function parseRing(v: unknown, path: string, isHole: boolean, errors: ErrorList): Position[] | null {
  if (!Array.isArray(v)) {
    errors.add(path, `must be an array of positions, got ${describe(v)}`);
    return null;
  }
  const ring: Position[] = [];
  let bad = false;
  v.forEach((p: unknown, i: number) => {
    const pos = parsePosition(p, `${path}[${i}]`, errors);
    if (pos) ring.push(pos);
    else bad = true;
  });
  if (bad) return null;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  if (ring.length < 4) {
    errors.add(path, `a linear ring needs at least 4 positions (3 distinct and the first repeated), got ${v.length}`);
    return null;
  }
  const area2 = ringArea2(ring);
  if (area2 === 0) {
    errors.add(path, 'ring encloses no area (all positions on one line)');
    return null;
  }
  // ringArea2 is positive for counter-clockwise rings.
  if (area2 > 0 === isHole) ring.reverse();
  return ring;
}

function parsePolygon(v: unknown, path: string, errors: ErrorList): Position[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    errors.add(path, `must be a non-empty array of linear rings, got ${describe(v)}`);
    return null;
  }
  const rings: Position[][] = [];
  let bad = false;
  v.forEach((r: unknown, i: number) => {
    const ring = parseRing(r, `${path}[${i}]`, i > 0, errors);
    if (ring) rings.push(ring);
    else bad = true;
  });
  return bad ? null : rings;
}

function parseGeometry(v: unknown, path: string, errors: ErrorList): AreaGeometry | null {
  if (!isObject(v)) {
    errors.add(path, `must be a Polygon or MultiPolygon geometry, got ${describe(v)}`);
    return null;
  }
  const coordsPath = `${path}.coordinates`;
  if (v.type === 'Polygon') {
    const coordinates = parsePolygon(v.coordinates, coordsPath, errors);
    return coordinates ? { type: 'Polygon', coordinates } : null;
  }
  if (v.type === 'MultiPolygon') {
    if (!Array.isArray(v.coordinates) || v.coordinates.length === 0) {
      errors.add(coordsPath, `must be a non-empty array of polygons, got ${describe(v.coordinates)}`);
      return null;
    }
    const polygons: Position[][][] = [];
    let bad = false;
    v.coordinates.forEach((p: unknown, i: number) => {
      const polygon = parsePolygon(p, `${coordsPath}[${i}]`, errors);
      if (polygon) polygons.push(polygon);
      else bad = true;
    });
    return bad ? null : { type: 'MultiPolygon', coordinates: polygons };
  }
  errors.add(`${path}.type`, `must be "Polygon" or "MultiPolygon", got ${describe(v.type)}`);
  return null;
}

function missingProperty(props: Json, name: string): string {
  const keys = Object.keys(props);
  const available = keys.length === 0 ? 'the feature has no properties' : `available: ${keys.slice(0, 12).join(', ')}`;
  return `property "${name}" is missing (${available})`;
}

/**
 * Validates and normalises an uploaded FeatureCollection of Polygon/MultiPolygon features.
 * Rules: `type` must be FeatureCollection with at least one feature; each feature a `Feature` with an
 * area geometry and a `properties` object; every position finite and in range; rings of ≥ 4 positions
 * after closing (unclosed rings are closed, see `parseRing`) and with some area; a non-empty name; a code
 * that is a non-empty string or a finite number (stringified: `11110` → "11110") and unique within the file;
 * an optional non-negative integer population (numeric strings such as "149,608" are accepted).
 * Self-intersection is not checked: it is expensive and harmless for point-in-region lookups.
 */
export function parseRegionCollection(body: unknown, opts: RegionImportOptions): RegionImportResult {
  const errors = new ErrorList();
  if (!isObject(body)) {
    return {
      ok: false,
      errors: [{ field: '(body)', message: `must be a GeoJSON FeatureCollection object, got ${describe(body)}` }],
    };
  }
  if (body.type !== 'FeatureCollection') errors.add('type', `must be "FeatureCollection", got ${describe(body.type)}`);
  if (!Array.isArray(body.features)) {
    errors.add('features', `must be an array of features, got ${describe(body.features)}`);
    return { ok: false, errors: errors.items };
  }
  if (body.features.length === 0) errors.add('features', 'must contain at least one feature');

  const regions: ImportedRegion[] = [];
  const firstIndexByCode = new Map<string, number>();
  let i = 0;
  for (; i < body.features.length && !errors.full; i++) {
    const { code, region } = parseFeature(body.features[i], `features[${i}]`, opts, errors);
    // Checked even when the feature has other problems, so one round trip reports both.
    if (code !== null) {
      const earlier = firstIndexByCode.get(code);
      if (earlier !== undefined) {
        errors.add(
          `features[${i}].properties.${opts.codeProperty}`,
          `duplicate code "${code}" (also features[${earlier}])`,
        );
        continue;
      }
      firstIndexByCode.set(code, i);
    }
    if (region) regions.push(region);
  }
  // Either problems were dropped or whole features were never looked at: say the list is incomplete.
  if (errors.count > MAX_IMPORT_ERRORS || i < body.features.length) {
    errors.items.push({
      field: 'features',
      message: `too many problems; only the first ${MAX_IMPORT_ERRORS} are listed`,
    });
  }
  return errors.count > 0 ? { ok: false, errors: errors.items } : { ok: true, regions };
}

interface ParsedFeature {
  code: string | null;
  region: ImportedRegion | null;
}

function parseFeature(v: unknown, path: string, opts: RegionImportOptions, errors: ErrorList): ParsedFeature {
  if (!isObject(v)) {
    errors.add(path, `must be a GeoJSON Feature object, got ${describe(v)}`);
    return { code: null, region: null };
  }
  const before = errors.count;
  if (v.type !== 'Feature') errors.add(`${path}.type`, `must be "Feature", got ${describe(v.type)}`);
  const geometry = parseGeometry(v.geometry, `${path}.geometry`, errors);

  const propsPath = `${path}.properties`;
  if (!isObject(v.properties)) {
    errors.add(
      propsPath,
      `must be an object holding "${opts.nameProperty}" and "${opts.codeProperty}", got ${describe(v.properties)}`,
    );
    return { code: null, region: null };
  }
  const props = v.properties;

  let code: string | null = null;
  const rawCode = props[opts.codeProperty];
  if (typeof rawCode === 'number' && Number.isFinite(rawCode)) code = String(rawCode);
  else if (typeof rawCode === 'string' && rawCode.trim() !== '') code = rawCode.trim();
  else if (rawCode === undefined)
    errors.add(`${propsPath}.${opts.codeProperty}`, missingProperty(props, opts.codeProperty));
  else
    errors.add(`${propsPath}.${opts.codeProperty}`, `must be a non-empty string or a number, got ${describe(rawCode)}`);

  let name: string | null = null;
  const rawName = props[opts.nameProperty];
  if (typeof rawName === 'string' && rawName.trim() !== '') name = rawName.trim();
  else if (rawName === undefined)
    errors.add(`${propsPath}.${opts.nameProperty}`, missingProperty(props, opts.nameProperty));
  else errors.add(`${propsPath}.${opts.nameProperty}`, `must be a non-empty string, got ${describe(rawName)}`);

  let nameKo: string | null = null;
  if (opts.nameKoProperty !== undefined) {
    const raw = props[opts.nameKoProperty];
    if (typeof raw === 'string') nameKo = raw.trim() === '' ? null : raw.trim();
    else if (raw !== undefined && raw !== null) {
      errors.add(`${propsPath}.${opts.nameKoProperty}`, `must be a string or null, got ${describe(raw)}`);
    }
  }

  let population: number | null = null;
  if (opts.populationProperty !== undefined) {
    const raw = props[opts.populationProperty];
    const parsed =
      typeof raw === 'string' && /^\s*\d{1,3}(,?\d{3})*\s*$/.test(raw) ? Number(raw.replace(/[,\s]/g, '')) : raw;
    if (typeof parsed === 'number' && Number.isSafeInteger(parsed) && parsed >= 0) population = parsed;
    else if (raw !== undefined && raw !== null) {
      errors.add(
        `${propsPath}.${opts.populationProperty}`,
        `must be a non-negative integer or null, got ${describe(raw)}`,
      );
    }
  }

  if (errors.count > before || !geometry || code === null || name === null) return { code, region: null };
  return { code, region: { code, name, nameKo, population, geometry } };
}
