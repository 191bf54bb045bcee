import 'reflect-metadata';
import fc from 'fast-check';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ROLES_KEY } from '../../apps/api/src/auth/decorators.js';
import { z } from 'zod';
import * as contracts from '#contracts';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { triageFor } from '../support/dispatch-world.js';
import { startFakeNominatim, type FakeNominatim } from '../support/nominatim-server.js';
import { arbitraryFor, hostileValue, leafPaths, setAt, type JsonSchema } from '../support/schema-arbitrary.js';

// No input gives a 5xx (issue 11). Property-based: bodies and query strings generated from every zod schema exported
// by libs/contracts (found by iterating the module, so a schema added later is covered without editing this file),
// and hostile mutations of them, sent to the running API's routes (from its own OpenAPI document) with a token of
// a role the route admits and real ids in the path. Bounded: a fixed number of runs, no shrinking beyond a few steps.

type Server = TestServer & { dropDatabase(): Promise<void> };
interface Route {
  method: string;
  path: string;
  bodySchema: string | null;
}
let server: Server;
let geocoder: FakeNominatim;
let routes: Route[];
const tokens = new Map<string, string>();
let roleOfRoute = new Map<string, string | null>();
const idPool = new Map<string, string[]>();
const failures: string[] = [];
let requests = 0;

const SCHEMA_BUDGET_MS = 10_000;
const ROLES = ['admin', 'supervisor', 'coordinator', 'counselor', 'responder', 'agency'] as const;
const USER_OF_ROLE: Record<(typeof ROLES)[number], string> = {
  admin: 'admin',
  supervisor: 'supervisor',
  coordinator: 'coordinator',
  counselor: 'counselor',
  responder: 'responder',
  agency: 'hospital',
};

/** Every exported zod schema of libs/contracts, by export name. */
// A fixed seed keeps CI reproducible (a red run blocks a landing; a failure names its seed and counterexample);
// FUZZ_SEED=<n> explores other inputs, and any counterexample found that way becomes a fix plus this run's seed.
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261130) });

const SCHEMAS = (Object.entries(contracts) as [string, unknown][]).filter(
  (e): e is [string, z.ZodType] => e[1] instanceof z.ZodType,
);

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
}

async function login(role: (typeof ROLES)[number]): Promise<string> {
  const password = role === 'admin' ? undefined : DEMO_PASSWORD;
  const token = (await server.login(USER_OF_ROLE[role], password)).accessToken;
  tokens.set(role, token);
  return token;
}

/** Percent-encodes every byte (a lone surrogate, which encodeURIComponent refuses, goes as U+FFFD's bytes). */
const enc = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** Sends one request; a 5xx is recorded with what caused it. A 401 (a fuzzed logout, say) logs the role in again. */
async function send(
  route: Route,
  pathIds: string[],
  body: unknown,
  query: Record<string, unknown> | null,
  raw = false,
): Promise<{ status: number; field?: string }> {
  let i = 0;
  const path = route.path.replace(/\{[^}]+\}/g, () =>
    enc(pathIds[i++ % Math.max(pathIds.length, 1)] ?? '00000000-0000-4000-8000-000000000000'),
  );
  const qs = query
    ? '?' +
      Object.entries(query)
        .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`)
        .join('&')
    : '';
  const role = roleOfRoute.get(`${route.method} ${route.path}`) ?? null;
  const token = role ? tokens.get(role) : undefined;
  const init: RequestInit = {
    method: route.method.toUpperCase(),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}) },
  };
  if (route.method !== 'get' && body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = raw ? String(body) : JSON.stringify(body);
  }
  requests++;
  const res = await fetch(`${server.url}/api/v1${path}${qs}`, init);
  const text = await res.text();
  if (res.status >= 500) {
    failures.push(
      `${route.method.toUpperCase()} ${path}${qs.slice(0, 200)} as ${role} → ${res.status} ${text.slice(0, 200)} body=${(raw ? String(body) : (JSON.stringify(body) ?? '')).slice(0, 300)}`,
    );
  }
  if (res.status === 401 && role) await login(role as (typeof ROLES)[number]);
  let field: string | undefined;
  try {
    field = (JSON.parse(text) as { details?: { field: string }[] }).details?.[0]?.field;
  } catch {
    field = undefined;
  }
  return { status: res.status, field };
}

beforeAll(async () => {
  // With a telephony secret, so the webhook answers (401 for a bad signature) instead of 503 "not configured"; with
  // a geocoder that answers every query, so address search answers too (a 503 there would be the provider's).
  geocoder = await startFakeNominatim(3000, false);
  server = await startTestServer({
    DEMO_DATA: 'true',
    LOGIN_MAX_FAILURES: '1000',
    TELEPHONY_SECRET: 'fuzz-telephony-secret',
    GEOCODER_URL: geocoder.url,
    GEOCODER_MIN_INTERVAL_MS: '0',
  });
  await Promise.all(ROLES.map((role) => login(role)));
  const doc = (await (await fetch(`${server.url}/api/docs-json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  };
  const bare = (schema: unknown): string => {
    const { $schema: _, ...rest } = (schema ?? {}) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  const bySchemaJson = new Map(SCHEMAS.map(([name, s]) => [bare(jsonSchemaOf(s)), name]));
  routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      return {
        method,
        path: p.replace(/^\/api\/v1/, ''),
        bodySchema: schema ? (bySchemaJson.get(bare(schema)) ?? null) : null,
      };
    }),
  );
  // Which role each route admits, from the same @Roles metadata the guard reads (the first demo role listed).
  roleOfRoute = rolesFromMetadata();
  // Live records to aim at: a call, its triage and incident, an accepted dispatch, a hospital handoff.
  const ok = async <T>(r: Promise<{ status: number; body: T }>): Promise<T> => {
    const res = await r;
    if (res.status >= 300) throw new Error(`setup: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const counselor = tokens.get('counselor')!;
  const responder = await server.login('responder', DEMO_PASSWORD);
  const hospital = await server.login('hospital', DEMO_PASSWORD);
  const call = await ok(
    server.api<{ id: string }>('POST', '/calls', {
      token: counselor,
      body: { channel: 'phone', callerNumber: '010-1234-5678' },
    }),
  );
  await ok(server.api('POST', `/calls/${call.id}/triage`, { token: counselor, body: triageFor('B') }));
  const incident = await ok(
    server.api<{ id: string }>('POST', '/incidents', {
      token: counselor,
      body: { callId: call.id, location: { lat: 37.5665, lng: 126.978, address: 'Sejong-daero 110' } },
    }),
  );
  const offer = await ok(
    server.api<{ id: string }>('POST', `/incidents/${incident.id}/dispatches`, {
      token: tokens.get('coordinator')!,
      body: { teamId: responder.user.teamId },
    }),
  );
  await ok(server.api('POST', `/dispatches/${offer.id}/accept`, { token: responder.accessToken }));
  await ok(
    server.api('POST', `/incidents/${incident.id}/handoffs`, {
      token: tokens.get('coordinator')!,
      body: { agencyId: hospital.user.agencyId, kind: 'hospital', reason: 'Emergency evaluation' },
    }),
  );
  // Real ids for path parameters: a few of every table with a uuid id, except the users whose tokens we hold (a
  // fuzzed deactivation of them would only end this test's own sessions).
  const tables = (await server.dataSource.query(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
  )) as { table_name: string }[];
  for (const { table_name } of tables) {
    const rows = (await server.dataSource.query(
      `SELECT id FROM "${table_name}" ${table_name === 'app_user' ? `WHERE NOT (username = ANY($1))` : 'WHERE $1::text[] IS NOT NULL'} LIMIT 3`,
      [Object.values(USER_OF_ROLE)],
    )) as { id: string }[];
    if (rows.length)
      idPool.set(
        table_name,
        rows.map((r) => r.id),
      );
  }
}, 120_000);

function rolesFromMetadata(): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const mod of server.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!ctrl) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, ctrl) as string | undefined) ?? '';
      for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, object>)[name]!;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
          Reflect.getMetadata(ROLES_KEY, ctrl) ??
          []) as string[];
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:([A-Za-z]+)/g, '{$1}');
        out.set(`${RequestMethod[method].toLowerCase()} ${full}`, ROLES.find((r) => roles.includes(r)) ?? 'admin');
      }
    }
  }
  return out;
}

afterAll(async () => {
  await server?.stop();
  await server?.dropDatabase();
  await geocoder?.close();
});

/** The table a path parameter names, from the segment before it: /incidents/{id} → incident, /users/{id} → app_user. */
function tableOf(path: string): string | null {
  const m = /\/([a-z-]+)\/\{[^}]+\}/.exec(path);
  if (!m) return null;
  const singular = m[1]!
    .replace(/-/g, '_')
    .replace(/ies$/, 'y')
    .replace(/(ch|sh|x)es$/, '$1')
    .replace(/s$/, '');
  return singular === 'user' ? 'app_user' : singular;
}

/** Path ids for a route: mostly real ids of the table it names, sometimes any real id, a random uuid or junk. */
const ids = (route: Route): fc.Arbitrary<string[]> => {
  const own = idPool.get(tableOf(route.path) ?? '') ?? [];
  const all = [...idPool.values()].flat();
  const any = fc.oneof(fc.constantFrom(...all), fc.uuid(), hostileId);
  return fc.array(
    own.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: any }) : any,
    { minLength: 1, maxLength: 2 },
  );
};
const hostileId = fc.constantFrom('not-a-uuid', '\u0000', '1 OR 1=1', '%00', '..', 'x'.repeat(5000));

describe('no input gives a 5xx', () => {
  it('finds the API routes, a role for each, and routes for the body schemas', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !roleOfRoute.has(`${r.method} ${r.path}`)).map((r) => r.path)).toEqual([]);
    expect(SCHEMAS.length).toBeGreaterThan(20);
    // The matching from OpenAPI request bodies back to exported schemas works (login, at least).
    expect(routes.find((r) => r.path === '/auth/login')?.bodySchema).toBe('loginSchema');
    expect(idPool.get('incident')?.length).toBeGreaterThan(0);
  });

  it('refuses NUL in every text field of every body schema, and in query strings, with 400 naming the field', async () => {
    const misses: string[] = [];
    let checked = 0;
    for (const [name, schema] of SCHEMAS) {
      const own = routes.filter((r) => r.bodySchema === name);
      if (own.length === 0) continue;
      for (const sample of fc.sample(arbitraryFor(jsonSchemaOf(schema)), { numRuns: 1, seed: 11 })) {
        for (const path of leafPaths(sample).filter((p) => p.length > 0)) {
          const leaf = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], sample);
          if (typeof leaf !== 'string') continue;
          const field = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
          for (const route of own) {
            const pathIds = [idPool.get(tableOf(route.path) ?? '')?.[0] ?? '00000000-0000-4000-8000-000000000000'];
            const body = setAt(sample, path, `${leaf}\u0000`);
            const res = await send(route, pathIds, body, null);
            checked++;
            // 401: a signed webhook refuses before it reads the body, so nothing is stored either.
            if (res.status !== 401 && (res.status !== 400 || res.field !== field))
              misses.push(`${route.method} ${route.path} ${field}: ${res.status} ${res.field}`);
          }
        }
      }
    }
    // A route that reads its query string refuses it naming the key; one that reads none never stores it.
    let refused = 0;
    for (const route of routes.filter((r) => r.method === 'get')) {
      const res = await send(
        route,
        [idPool.get(tableOf(route.path) ?? '')?.[0] ?? '00000000-0000-4000-8000-000000000000'],
        undefined,
        { status: 'open\u0000' },
      );
      checked++;
      if (res.status === 400 && res.field === 'status') refused++;
      else if (res.status >= 400) misses.push(`GET ${route.path} ?status: ${res.status} ${res.field}`);
    }
    expect(misses).toEqual([]);
    expect(refused).toBeGreaterThan(8);
    expect(checked).toBeGreaterThan(60);
  }, 60_000);

  it('bodies and query strings generated from every exported request schema, and hostile mutations of them', async () => {
    failures.length = 0;
    const withBody = routes.filter((r) => r.method !== 'get');
    // Bounded in time whatever the number of schemas: each gets a share of what is left of a fixed budget, judged by
    // the average request time so far (at least 2 runs, at most 10 for a schema with its own routes).
    const started = Date.now();
    const sentBefore = requests;
    const runsFor = (routed: boolean, schemasLeft: number): number => {
      const perRequest = (Date.now() - started) / Math.max(1, requests - sentBefore) || 20;
      const share = Math.max(0, SCHEMA_BUDGET_MS - (Date.now() - started)) / schemasLeft / perRequest;
      return Math.max(2, Math.min(routed ? 10 : 3, Math.floor(share)));
    };
    for (const [index, [name, schema]] of SCHEMAS.entries()) {
      const js = jsonSchemaOf(schema);
      // The routes that take this schema as their body; a schema used for a query string or a part goes everywhere.
      const own = routes.filter((r) => r.bodySchema === name);
      const targets = own.length ? own : routes;
      const valid = arbitraryFor(js);
      const mutated = fc
        .tuple(
          valid,
          hostileValue,
          fc.nat(),
          fc.constantFrom('nul', 'nul', 'surrogate', 'replace', 'replace', 'unknown-key'),
        )
        .map(([v, hostile, pick, how]) => {
          const paths = leafPaths(v);
          const leafAt = (path: (string | number)[]): unknown =>
            path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | null)?.[k], v);
          const texts = paths.filter((p) => typeof leafAt(p) === 'string');
          if ((how === 'nul' || how === 'surrogate') && texts.length) {
            const path = texts[pick % texts.length]!;
            return setAt(v, path, `${leafAt(path) as string}${how === 'nul' ? '\u0000' : '\ud800'}`);
          }
          if (how === 'unknown-key' && v && typeof v === 'object' && !Array.isArray(v))
            return { ...v, ['__proto__x']: hostile };
          return setAt(v, paths[pick % paths.length]!, hostile);
        });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...targets).chain((r) => fc.tuple(fc.constant(r), ids(r))),
          fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: mutated }),
          fc.nat(3).map((n) => n === 0),
          async ([route, pathIds], value, asQuery) => {
            const query =
              asQuery && value && typeof value === 'object' && !Array.isArray(value)
                ? (value as Record<string, unknown>)
                : null;
            const { status } = await send(route, pathIds, query ? {} : value, query);
            return status < 500;
          },
        ),
        { numRuns: runsFor(own.length > 0, SCHEMAS.length - index), endOnFailure: true },
      );
    }
    // Raw hostile bodies on every route that takes one: malformed JSON, wrong content, huge or deep documents.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withBody).chain((r) => fc.tuple(fc.constant(r), ids(r))),
        fc.oneof(
          fc.constantFrom(
            '{',
            '{"a":',
            '[]',
            'null',
            '"\\u0000"',
            '{"x":"\\ud800"}',
            '1e999',
            '{"a":1,"a":2}',
            '\u0000',
          ),
          fc.string({ maxLength: 40 }),
        ),
        async ([route, pathIds], raw) => (await send(route, pathIds, raw, null, true)).status < 500,
      ),
      { numRuns: 40, endOnFailure: true },
    );
    // Hostile query strings on every GET route.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes.filter((r) => r.method === 'get')).chain((r) => fc.tuple(fc.constant(r), ids(r))),
        fc.dictionary(
          fc.constantFrom(
            'status',
            'limit',
            'after',
            'from',
            'to',
            'incidentId',
            'teamId',
            'q',
            'kind',
            'open',
            'lat',
            'lng',
            'address',
          ),
          hostileValue,
          { maxKeys: 3 },
        ),
        async ([route, pathIds], query) => (await send(route, pathIds, undefined, query)).status < 500,
      ),
      { numRuns: 50, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(250);
  }, 120_000);
});
