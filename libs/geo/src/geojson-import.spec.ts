import type { FieldError, Position } from '#contracts';
import {
  MAX_IMPORT_ERRORS,
  parseRegionCollection,
  type RegionImportOptions,
  type RegionImportResult,
} from './geojson-import.js';

// Made-up squares near Seoul; not real boundaries.
const square = (w: number, s: number, size = 0.01): Position[] => [
  [w, s],
  [w + size, s],
  [w + size, s + size],
  [w, s + size],
  [w, s],
];

const opts: RegionImportOptions = {
  nameProperty: 'name_eng',
  codeProperty: 'code',
  nameKoProperty: 'name',
  populationProperty: 'pop',
};

type Feature = { type: string; geometry: unknown; properties: unknown };
const feature = (
  code: unknown,
  name: unknown,
  geometry: unknown = { type: 'Polygon', coordinates: [square(127, 37.5)] },
  extra: object = {},
): Feature => ({
  type: 'Feature',
  geometry,
  properties: { code, name_eng: name, ...extra },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function errorsOf(result: RegionImportResult): FieldError[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}
const fieldsOf = (body: unknown, o: RegionImportOptions = opts): string[] =>
  errorsOf(parseRegionCollection(body, o)).map((e) => e.field);

describe('parseRegionCollection: accepted input', () => {
  it('parses Polygon and MultiPolygon features with their properties', () => {
    const result = parseRegionCollection(
      collection(
        feature(11110, 'Jongno-gu', undefined, { name: '종로구', pop: 149608 }),
        feature(
          '11140',
          ' Jung-gu ',
          { type: 'MultiPolygon', coordinates: [[square(127.1, 37.5)], [square(127.2, 37.5)]] },
          { name: '중구', pop: '131,214' },
        ),
        feature('11170', 'Yongsan-gu', undefined, { name: null, pop: null }),
        feature('11200', 'Seongdong-gu', undefined, { name: '  ' }),
      ),
      opts,
    );
    expect(result).toEqual({
      ok: true,
      regions: [
        {
          code: '11110',
          name: 'Jongno-gu',
          nameKo: '종로구',
          population: 149608,
          geometry: { type: 'Polygon', coordinates: [square(127, 37.5)] },
        },
        {
          code: '11140',
          name: 'Jung-gu',
          nameKo: '중구',
          population: 131214,
          geometry: { type: 'MultiPolygon', coordinates: [[square(127.1, 37.5)], [square(127.2, 37.5)]] },
        },
        {
          code: '11170',
          name: 'Yongsan-gu',
          nameKo: null,
          population: null,
          geometry: { type: 'Polygon', coordinates: [square(127, 37.5)] },
        },
        {
          code: '11200',
          name: 'Seongdong-gu',
          nameKo: null,
          population: null,
          geometry: { type: 'Polygon', coordinates: [square(127, 37.5)] },
        },
      ],
    });
  });

  it('leaves nameKo and population null when their properties are not asked for or absent', () => {
    const result = parseRegionCollection(collection(feature('A', 'Alpha', undefined, { name: '알파', pop: 5 })), {
      nameProperty: 'name_eng',
      codeProperty: 'code',
    });
    expect(result.ok && result.regions[0]).toMatchObject({ nameKo: null, population: null });
    const absent = parseRegionCollection(collection(feature('A', 'Alpha')), opts);
    expect(absent.ok && absent.regions[0]).toMatchObject({ nameKo: null, population: null });
  });

  it('closes unclosed rings, drops altitudes and rewinds to RFC 7946 (exterior CCW, holes CW)', () => {
    const clockwiseExterior: Position[] = [...square(127, 37.5, 0.1)].reverse();
    const counterClockwiseHole = square(127.04, 37.54, 0.02);
    const unclosedWithAltitude = [
      [127, 37.5, 12],
      [127.01, 37.5, 12],
      [127.01, 37.51, 13],
      [127, 37.51, 14],
    ];
    const result = parseRegionCollection(
      collection(
        feature('1', 'Holed', { type: 'Polygon', coordinates: [clockwiseExterior, counterClockwiseHole] }),
        feature('2', 'Open', { type: 'Polygon', coordinates: [unclosedWithAltitude] }),
      ),
      opts,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.regions[0].geometry.coordinates).toEqual([
      square(127, 37.5, 0.1),
      [...counterClockwiseHole].reverse(),
    ]);
    expect(result.regions[1].geometry.coordinates).toEqual([square(127, 37.5)]);
  });

  it('ignores foreign members such as crs, bbox and feature ids', () => {
    const body = {
      ...collection({ ...feature('1', 'One'), id: 7, bbox: [0, 0, 1, 1] }),
      crs: { type: 'name' },
      bbox: [0, 0, 1, 1],
    };
    expect(parseRegionCollection(body, opts).ok).toBe(true);
  });
});

describe('parseRegionCollection: refused input names the path', () => {
  it.each([
    ['a string body', 'hello', ['(body)']],
    ['null', null, ['(body)']],
    ['an array body', [], ['(body)']],
    ['a wrong collection type', { type: 'Feature', features: [feature('1', 'One')] }, ['type']],
    ['missing features', { type: 'FeatureCollection' }, ['features']],
    ['no features', collection(), ['features']],
    ['a feature that is not an object', collection(42), ['features[0]']],
    ['a feature of the wrong type', collection({ ...feature('1', 'One'), type: 'Point' }), ['features[0].type']],
  ])('%s', (_name, body, fields) => {
    expect(fieldsOf(body)).toEqual(fields);
  });

  it.each([
    ['a null geometry', null, 'features[0].geometry'],
    ['a Point geometry', { type: 'Point', coordinates: [127, 37.5] }, 'features[0].geometry.type'],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [] }, 'features[0].geometry.type'],
    ['Polygon coordinates missing', { type: 'Polygon' }, 'features[0].geometry.coordinates'],
    ['Polygon without rings', { type: 'Polygon', coordinates: [] }, 'features[0].geometry.coordinates'],
    ['a ring that is not an array', { type: 'Polygon', coordinates: ['ring'] }, 'features[0].geometry.coordinates[0]'],
    [
      'a position that is not an array',
      { type: 'Polygon', coordinates: [[[127, 37.5], 'x', [127.01, 37.51], [127, 37.5]]] },
      'features[0].geometry.coordinates[0][1]',
    ],
    [
      'a position with one number',
      { type: 'Polygon', coordinates: [[[127, 37.5], [127.01], [127.01, 37.51], [127, 37.5]]] },
      'features[0].geometry.coordinates[0][1]',
    ],
    [
      'an infinite longitude',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [Infinity, 37.5],
            [127.01, 37.51],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0][1][0]',
    ],
    [
      'a NaN latitude',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [127.01, Number.NaN],
            [127.01, 37.51],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0][1][1]',
    ],
    [
      'a string coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            ['127.01', 37.5],
            [127.01, 37.51],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0][1][0]',
    ],
    [
      'a latitude out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [127.01, 91],
            [127.01, 37.51],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0][1][1]',
    ],
    [
      'a longitude out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [181, 37.5],
            [127.01, 37.51],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0][1][0]',
    ],
    [
      'a ring of 3 positions even after closing',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [127.01, 37.5],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0]',
    ],
    [
      'a ring of 2 positions (closing makes 3)',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [127.01, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0]',
    ],
    ['an empty ring', { type: 'Polygon', coordinates: [[]] }, 'features[0].geometry.coordinates[0]'],
    [
      'a ring with no area',
      {
        type: 'Polygon',
        coordinates: [
          [
            [127, 37.5],
            [127.01, 37.5],
            [127.02, 37.5],
            [127, 37.5],
          ],
        ],
      },
      'features[0].geometry.coordinates[0]',
    ],
    [
      'a bad hole',
      { type: 'Polygon', coordinates: [square(127, 37.5), [[127, 37.5]]] },
      'features[0].geometry.coordinates[1]',
    ],
    ['MultiPolygon coordinates empty', { type: 'MultiPolygon', coordinates: [] }, 'features[0].geometry.coordinates'],
    [
      'a MultiPolygon part that is not a polygon',
      { type: 'MultiPolygon', coordinates: [[square(127, 37.5)], 5] },
      'features[0].geometry.coordinates[1]',
    ],
    [
      'a bad position in a MultiPolygon part',
      {
        type: 'MultiPolygon',
        coordinates: [
          [square(127, 37.5)],
          [
            [
              [127, 37.5],
              [127.01, null],
              [127.01, 37.51],
              [127, 37.5],
            ],
          ],
        ],
      },
      'features[0].geometry.coordinates[1][0][1][1]',
    ],
  ])('%s', (_name, geometry, field) => {
    expect(fieldsOf(collection(feature('1', 'One', geometry)))).toEqual([field]);
  });

  it.each([
    [
      'properties null',
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(127, 37.5)] }, properties: null },
      ['features[0].properties'],
    ],
    [
      'properties missing',
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(127, 37.5)] } },
      ['features[0].properties'],
    ],
    ['the name missing', feature('1', undefined), ['features[0].properties.name_eng']],
    ['the name empty', feature('1', '   '), ['features[0].properties.name_eng']],
    ['the name a number', feature('1', 5), ['features[0].properties.name_eng']],
    ['the code missing', feature(undefined, 'One'), ['features[0].properties.code']],
    ['the code null', feature(null, 'One'), ['features[0].properties.code']],
    ['the code a boolean', feature(true, 'One'), ['features[0].properties.code']],
    ['the code an empty string', feature(' ', 'One'), ['features[0].properties.code']],
    ['the code not finite', feature(Number.POSITIVE_INFINITY, 'One'), ['features[0].properties.code']],
    ['the Korean name a number', feature('1', 'One', undefined, { name: 3 }), ['features[0].properties.name']],
    ['a negative population', feature('1', 'One', undefined, { pop: -1 }), ['features[0].properties.pop']],
    ['a fractional population', feature('1', 'One', undefined, { pop: 1.5 }), ['features[0].properties.pop']],
    ['a population in words', feature('1', 'One', undefined, { pop: 'many' }), ['features[0].properties.pop']],
    ['a population string with a sign', feature('1', 'One', undefined, { pop: '-5' }), ['features[0].properties.pop']],
  ])('%s', (_name, f, fields) => {
    expect(fieldsOf(collection(f))).toEqual(fields);
  });

  it('says which properties exist when the configured one is missing', () => {
    const [error] = errorsOf(
      parseRegionCollection(collection(feature('1', 'One')), { ...opts, nameProperty: 'NAME_1' }),
    );
    expect(error).toEqual({
      field: 'features[0].properties.NAME_1',
      message: 'property "NAME_1" is missing (available: code, name_eng)',
    });
  });

  it('refuses duplicate codes, numbers and strings alike, naming both features', () => {
    const errors = errorsOf(
      parseRegionCollection(collection(feature(11110, 'One'), feature('2', 'Two'), feature('11110', 'Three')), opts),
    );
    expect(errors).toEqual([
      { field: 'features[2].properties.code', message: 'duplicate code "11110" (also features[0])' },
    ]);
  });

  it('reports a duplicate code even on a feature with other problems', () => {
    expect(fieldsOf(collection(feature('7', 'One'), feature('7', 'Two', null)))).toEqual([
      'features[1].geometry',
      'features[1].properties.code',
    ]);
  });

  it('reports every problem of every feature in one go', () => {
    const fields = fieldsOf(
      collection(
        feature('1', 'One'),
        feature(undefined, undefined, { type: 'LineString', coordinates: [] }),
        feature('3', 'Three', {
          type: 'Polygon',
          coordinates: [
            [
              [127, 37.5],
              [127.01, 'x'],
              [127.01, 37.51],
              [200, 37.5],
            ],
          ],
        }),
      ),
    );
    expect(fields).toEqual([
      'features[1].geometry.type',
      'features[1].properties.code',
      'features[1].properties.name_eng',
      'features[2].geometry.coordinates[0][1][1]',
      'features[2].geometry.coordinates[0][3][0]',
    ]);
  });

  it(`stops listing after ${MAX_IMPORT_ERRORS} problems and says so`, () => {
    const features = Array.from({ length: 200 }, () => feature(undefined, 'No code'));
    const errors = errorsOf(parseRegionCollection(collection(...features), opts));
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
    expect(errors[MAX_IMPORT_ERRORS]).toEqual({
      field: 'features',
      message: `too many problems; only the first ${MAX_IMPORT_ERRORS} are listed`,
    });
  });

  it('caps a single feature with thousands of bad positions too', () => {
    const ring = Array.from({ length: 5000 }, () => ['x', 'y']);
    const errors = errorsOf(
      parseRegionCollection(collection(feature('1', 'One', { type: 'Polygon', coordinates: [ring] })), opts),
    );
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1);
  });
});
