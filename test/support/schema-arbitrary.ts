import fc from 'fast-check';

// fast-check arbitraries from the JSON Schema that zod derives from a contract schema (z.toJSONSchema), so the
// property tests generate bodies for every request schema, including ones added later, without a list to keep.
// Refinements that JSON Schema cannot express (cross-field rules) are not generated: such values get a 400.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

const json = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown>;

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    case undefined:
      break;
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 10_000));
    } catch {
      // A pattern the generator cannot read: plain strings, which the API must refuse with a 400.
    }
  }
  return fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 80) });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : undefined);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : undefined);
  if (integer)
    return fc.integer({
      min: Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER),
      max: Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER),
    });
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

/** A value that fits the schema's shape (types, bounds, formats, enums, required keys). */
export function arbitraryFor(schema: JsonSchema, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return json;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    const target = root.$defs?.[name];
    return target ? arbitraryFor(target, root, depth + 1) : json;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, root, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], root, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => arbitraryFor({ ...schema, type: t }, root, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringArb(schema);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => arbitraryFor(s, root, depth + 1)));
      const item = schema.items ? arbitraryFor(schema.items, root, depth + 1) : json;
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 6) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = arbitraryFor(v, root, depth + 1);
      const requiredKeys = (schema.required ?? []).filter((k) => k in model);
      const record = fc.record(model, { requiredKeys });
      if (typeof schema.additionalProperties === 'object') {
        const extra = fc.dictionary(
          fc.string({ maxLength: 12 }),
          arbitraryFor(schema.additionalProperties, root, depth + 1),
          { maxKeys: 3 },
        );
        return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
      }
      return record;
    }
    default:
      return json;
  }
}

/** Hostile values to put in a field: wrong types, limits, and text PostgreSQL cannot store. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ufeff',
    '%00',
    "'; DROP TABLE audit; --",
    '$1',
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '9999-12-31T23:59:59.999Z',
    '-infinity',
    'NaN',
    '1e999',
    [],
    {},
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}') as unknown,
    'x'.repeat(100_000),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constant('\u0000'), { maxLength: 3 }),
  fc.integer({ min: 1, max: 2000 }).map((n) => {
    // Deep nesting.
    let v: unknown = 'deep';
    for (let i = 0; i < n; i++) v = [v];
    return v;
  }),
  json,
);

/** Every dotted path to a leaf of a JSON value (to mutate one field). */
export function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  if (entries.length === 0) return [path];
  return entries.flatMap(([k, v]) => leafPaths(v, [...path, k]));
}

/** A copy of `value` with the leaf at `path` replaced (the root when path is empty). */
export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  copy[head] = setAt(copy[head], rest, replacement);
  return copy;
}
