import type { AgencyView, ClientView, LoginResponse, RegionCollection } from '#contracts';
import type { TestServer } from './test-server.js';
import { squareRegion } from './fixtures.js';
import { makeUser } from './intake.js';

// A small world for the continuity-of-care tests: two districts, each with its community mental health centre and
// a user there, a hospital, and the hotline and control-room users.

export const CONSENT = {
  kind: 'consent',
  scope: 'case management and crisis response',
  at: '2026-01-05T09:00:00+09:00',
} as const;

type User = { id: string; token: string; username: string };

export interface CareWorld {
  admin: LoginResponse;
  north: string;
  south: string;
  centreNorth: AgencyView;
  centreSouth: AgencyView;
  hospital: AgencyView;
  counselor: User;
  coordinator: User;
  supervisor: User;
  northUser: User;
  southUser: User;
  hospitalUser: User;
}

/** Imports the two districts, North (N1) around 37.65 and South (S1) around 37.45, and returns their ids. */
export async function importTwoDistricts(
  server: TestServer,
  adminToken: string,
): Promise<{ north: string; south: string }> {
  await server.api('POST', '/regions/import', {
    token: adminToken,
    body: {
      type: 'FeatureCollection',
      features: [squareRegion('N1', 'North', 37.65, 127.0), squareRegion('S1', 'South', 37.45, 127.0)],
    },
  });
  const regions = (await server.api<RegionCollection>('GET', '/regions', { token: adminToken })).body;
  const idOf = (code: string) => regions.features.find((f) => f.properties.code === code)!.id;
  return { north: idOf('N1'), south: idOf('S1') };
}

export async function careWorld(server: TestServer): Promise<CareWorld> {
  const admin = await server.login('admin');
  const { north, south } = await importTwoDistricts(server, admin.accessToken);
  const agency = async (code: string, kind: string, regionId: string): Promise<AgencyView> => {
    const res = await server.api<AgencyView>('POST', '/agencies', {
      token: admin.accessToken,
      body: { code, kind, name: `${code} centre`, regionIds: [regionId], location: { lat: 37.5, lng: 127 } },
    });
    if (res.status !== 201) throw new Error(`agency ${code}: ${res.status}`);
    return res.body;
  };
  const centreNorth = await agency('C-N1', 'community', north);
  const centreSouth = await agency('C-S1', 'community', south);
  const hospital = await agency('H-N1', 'hospital', north);
  return {
    admin,
    north,
    south,
    centreNorth,
    centreSouth,
    hospital,
    counselor: await makeUser(server, admin.accessToken, 'counselor'),
    coordinator: await makeUser(server, admin.accessToken, 'coordinator'),
    supervisor: await makeUser(server, admin.accessToken, 'supervisor'),
    northUser: await makeUser(server, admin.accessToken, 'agency', { agencyId: centreNorth.id }),
    southUser: await makeUser(server, admin.accessToken, 'agency', { agencyId: centreSouth.id }),
    hospitalUser: await makeUser(server, admin.accessToken, 'agency', { agencyId: hospital.id }),
  };
}

export async function registerClient(
  server: TestServer,
  token: string,
  body: Record<string, unknown>,
): Promise<ClientView> {
  const res = await server.api<ClientView>('POST', '/clients', { token, body: { basis: CONSENT, ...body } });
  if (res.status !== 201) throw new Error(`POST /clients: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
