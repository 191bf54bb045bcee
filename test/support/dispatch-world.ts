import type {
  AgencyView,
  Category,
  HandoffView,
  IncidentView,
  RegionCollection,
  TeamSkill,
  TeamView,
  TriageInput,
} from '#contracts';
import { triageAnswers } from '../../apps/api/src/cli/simulate/traffic-model.js';
import type { TestServer } from './test-server.js';
import { squareRegion } from './fixtures.js';

// A small world for dispatch tests, built through the public API: two square regions (North around 37.6, 127.0;
// South around 37.5, 127.0), a coordinator and a counselor, teams with shifts and responders, a police station,
// and incidents made the way the hotline makes them (POST /calls → /triage → POST /incidents).

export const PASSWORD = 'long-enough-password';

export interface World {
  admin: string;
  coordinator: string;
  counselor: string;
  regions: { north: string; south: string };
}

export interface TeamHandle {
  team: TeamView;
  /** A responder of the team. */
  token: string;
}

let seq = 0;
const unique = (prefix: string): string =>
  `${prefix}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 6)}`;

async function ok<T>(res: Promise<{ status: number; body: T }>, expected: number, what: string): Promise<T> {
  const r = await res;
  if (r.status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function createUser(
  server: TestServer,
  admin: string,
  role: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const username = unique(role);
  await ok(
    server.api('POST', '/users', {
      token: admin,
      body: { username, password: PASSWORD, displayName: username, role, ...extra },
    }),
    201,
    `create ${role}`,
  );
  return (await server.login(username, PASSWORD)).accessToken;
}

export async function buildWorld(server: TestServer): Promise<World> {
  const admin = (await server.login('admin')).accessToken;
  await ok(
    server.api('POST', '/regions/import?nameProperty=name&codeProperty=code', {
      token: admin,
      body: {
        type: 'FeatureCollection',
        features: [squareRegion('N', 'North', 37.6, 127.0), squareRegion('S', 'South', 37.5, 127.0)],
      },
    }),
    200,
    'import regions',
  );
  const regions = await ok(server.api<RegionCollection>('GET', '/regions', { token: admin }), 200, 'regions');
  const id = (code: string): string => regions.features.find((f) => f.properties.code === code)!.id;
  return {
    admin,
    coordinator: await createUser(server, admin, 'coordinator'),
    counselor: await createUser(server, admin, 'counselor'),
    regions: { north: id('N'), south: id('S') },
  };
}

export interface TeamSpec {
  regionId: string;
  base: { lat: number; lng: number };
  skills?: TeamSkill[];
  size?: number;
  coveredRegionIds?: string[];
  /** A shift around now (default true); false leaves the team off duty. */
  onDuty?: boolean;
  callsign?: string;
}

export async function createTeam(server: TestServer, world: World, spec: TeamSpec): Promise<TeamHandle> {
  const team = await ok(
    server.api<TeamView>('POST', '/teams', {
      token: world.admin,
      body: {
        callsign: spec.callsign ?? unique('T').toUpperCase(),
        regionId: spec.regionId,
        base: spec.base,
        skills: spec.skills ?? [],
        size: spec.size ?? 2,
        ...(spec.coveredRegionIds ? { coveredRegionIds: spec.coveredRegionIds } : {}),
      },
    }),
    201,
    'create team',
  );
  if (spec.onDuty !== false) {
    await ok(
      server.api('POST', '/shifts', {
        token: world.admin,
        body: {
          teamId: team.id,
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
        },
      }),
      201,
      'create shift',
    );
  }
  const token = await createUser(server, world.admin, 'responder', { teamId: team.id });
  return { team, token };
}

export async function createPoliceStation(
  server: TestServer,
  world: World,
  regionId: string,
  location: { lat: number; lng: number },
): Promise<AgencyView> {
  return ok(
    server.api<AgencyView>('POST', '/agencies', {
      token: world.admin,
      body: { code: unique('P'), kind: 'police', name: unique('Police station'), regionIds: [regionId], location },
    }),
    201,
    'create agency',
  );
}

/** Triage answers that give each category (reference/triage.md §4); `danger` adds harm to others. */
export function triageFor(category: Category, danger = false): TriageInput {
  if (danger && category === 'A') return { ...triageAnswers('G'), harmToOthers: 'inProgress' };
  if (danger && category === 'B') return { ...triageAnswers('G'), harmToOthers: 'imminent' };
  // F and G have no answers of their own here; they get E's.
  return triageAnswers(category === 'F' || category === 'G' ? 'E' : category);
}

export interface IncidentSpec {
  category: Category;
  location: { lat: number; lng: number; address?: string };
  danger?: boolean;
  subjectAge?: number;
  language?: string;
  /** What the call gave: a callback number, the caller's relation, notes. */
  caller?: { callerNumber?: string; callerRelation?: string; notes?: string };
}

/** An incident made the hotline's way: a call at the console, its triage, then POST /incidents. */
export async function createIncident(server: TestServer, world: World, spec: IncidentSpec): Promise<IncidentView> {
  const token = world.counselor;
  const call = await ok(
    server.api<{ id: string }>('POST', '/calls', { token, body: { channel: 'phone', ...spec.caller } }),
    201,
    'create call',
  );
  const triage = await ok(
    server.api<{ category: Category }>('POST', `/calls/${call.id}/triage`, {
      token,
      body: triageFor(spec.category, spec.danger),
    }),
    201,
    'triage',
  );
  if (triage.category !== spec.category) throw new Error(`triage gave ${triage.category}, wanted ${spec.category}`);
  return ok(
    server.api<IncidentView>('POST', '/incidents', {
      token,
      body: {
        callId: call.id,
        location: spec.location,
        ...(spec.subjectAge !== undefined ? { subjectAge: spec.subjectAge } : {}),
        ...(spec.language ? { language: spec.language } : {}),
      },
    }),
    201,
    'create incident',
  );
}

/**
 * TypeORM answers UPDATE and DELETE with `[rows, affectedCount]` but other statements with `rows`; every caller
 * wants rows. Rows are objects, never arrays, so the two shapes cannot be confused.
 */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}

/** Rows straight from the database, for assertions the API does not expose. */
export async function sql<T = Record<string, unknown>>(
  server: TestServer,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return rowsOf<T>(await server.dataSource.query(text, params));
}

/** Makes pending timers of a kind (and ref) due now, so a tick fires them without waiting minutes. */
export async function makeDue(server: TestServer, kind: string, refId?: string): Promise<number> {
  const rows = await sql<{ id: string }>(
    server,
    `UPDATE timer SET due_at = now() - interval '1 second' WHERE kind = $1 AND ($2::uuid IS NULL OR ref_id = $2) AND fired_at IS NULL AND cancelled_at IS NULL RETURNING id`,
    [kind, refId ?? null],
  );
  return rows.length;
}

export interface ClientIncidentSpec {
  clientId: string;
  callerNumber: string;
  notes: string;
  address: string;
  summary: string;
}

/**
 * An incident with a registered client behind it and clinical detail (call notes, summary) that partners must
 * not see unless their view allows: the call is linked to the client and triaged B with danger and weapon access.
 */
export async function clientIncident(
  server: TestServer,
  world: World,
  spec: ClientIncidentSpec,
): Promise<IncidentView> {
  const token = world.counselor;
  const call = await server.api<{ id: string }>('POST', '/calls', {
    token,
    body: { channel: 'phone', callerNumber: spec.callerNumber, notes: spec.notes },
  });
  expect(call.status).toBe(201);
  const linked = await server.api('POST', `/calls/${call.body.id}/client`, {
    token,
    body: { clientId: spec.clientId },
  });
  expect(linked.status).toBe(200);
  const triage = await server.api('POST', `/calls/${call.body.id}/triage`, {
    token,
    body: { ...triageFor('B', true), weaponAccess: true },
  });
  expect(triage.status).toBe(201);
  const inc = await server.api<IncidentView>('POST', '/incidents', {
    token,
    body: { callId: call.body.id, location: { lat: 37.6, lng: 127.0, address: spec.address }, summary: spec.summary },
  });
  expect(inc.status).toBe(201);
  return inc.body;
}

/** A new team (see `createTeam`) offered the incident by the coordinator; it accepts. */
export async function teamOnIncident(
  server: TestServer,
  world: World,
  incidentId: string,
  spec: TeamSpec,
): Promise<TeamHandle> {
  const team = await createTeam(server, world, spec);
  const offer = await server.api<{ id: string }>('POST', `/incidents/${incidentId}/dispatches`, {
    token: world.coordinator,
    body: { teamId: team.team.id },
  });
  expect(offer.status).toBe(201);
  expect((await server.api('POST', `/dispatches/${offer.body.id}/accept`, { token: team.token })).status).toBe(200);
  return team;
}

/** A hospital made by the admin, named after its code ("Hospital H-ONE"); by default in the North region. */
export async function createHospital(
  server: TestServer,
  world: World,
  code: string,
  location: { lat: number; lng: number },
  regionIds: string[] = [world.regions.north],
): Promise<AgencyView> {
  const res = await server.api<AgencyView>('POST', '/agencies', {
    token: world.admin,
    body: { code, kind: 'hospital', name: `Hospital ${code}`, regionIds, location },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Two hospitals with a user each: the first does the work, the second proves it cannot see or answer it. */
export interface TwoHospitals {
  hospital: AgencyView;
  otherHospital: AgencyView;
  hospitalUser: string;
  otherHospitalUser: string;
}

export async function createTwoHospitals(
  server: TestServer,
  world: World,
  codes: readonly [string, string],
  location: { lat: number; lng: number },
  regionIds?: string[],
): Promise<TwoHospitals> {
  const hospital = await createHospital(server, world, codes[0], location, regionIds);
  const otherHospital = await createHospital(server, world, codes[1], location, regionIds);
  const userOf = (agency: AgencyView) => createUser(server, world.admin, 'agency', { agencyId: agency.id });
  return {
    hospital,
    otherHospital,
    hospitalUser: await userOf(hospital),
    otherHospitalUser: await userOf(otherHospital),
  };
}

/** A handoff of the incident to the agency, requested by the coordinator; it must be made (201). */
export async function requestHandoff(
  server: TestServer,
  world: World,
  incidentId: string,
  agency: AgencyView,
  reason: string,
): Promise<HandoffView> {
  const res = await server.api<HandoffView>('POST', `/incidents/${incidentId}/handoffs`, {
    token: world.coordinator,
    body: { agencyId: agency.id, kind: agency.kind, reason },
  });
  expect(res.status).toBe(201);
  return res.body;
}
