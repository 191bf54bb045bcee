import type { LatLng, LoginResponse, RegionCollection, RegionFeature, TeamView } from '#contracts';
import { geometryBBox, geometryCentroid, pointInGeometry } from '#geo';
import type { SimulatorApi } from './client.js';
import type { Random } from './seeded-random.js';
import { between, type SimulateOptions } from './traffic-model.js';

// Who the simulator acts as: the demo counselor, coordinator, hospital and police accounts, and one responder per
// team. With the admin password it creates a `sim-<callsign>` responder for every team and gives teams without a
// shift one for the run; without it only the demo `responder` (team JUNG-1) answers offers.

export interface SimTeam {
  id: string;
  callsign: string;
  token: string;
  position: LatLng;
}

export interface SimWorld {
  counselor: string;
  coordinator: string;
  hospital: { token: string; agencyId: string } | null;
  /** The team as the simulation plays it (its responder signed in), or null when it cannot answer offers. */
  team: (teamId: string) => Promise<SimTeam | null>;
  regions: RegionFeature[];
}

async function required(api: SimulatorApi, username: string, password: string): Promise<LoginResponse> {
  const login = await api.login(username, password);
  if (!login)
    throw new Error(
      `cannot sign in as ${username}: the simulator uses the demo accounts (DEMO_DATA=true), with --password if changed`,
    );
  return login;
}

export async function prepareWorld(
  api: SimulatorApi,
  o: SimulateOptions,
  log: (line: string) => void,
): Promise<SimWorld> {
  const counselor = (await required(api, 'counselor', o.password)).accessToken;
  const coordinator = (await required(api, 'coordinator', o.password)).accessToken;
  const hospitalLogin = await api.login('hospital', o.password);
  const hospital = hospitalLogin?.user.agencyId
    ? { token: hospitalLogin.accessToken, agencyId: hospitalLogin.user.agencyId }
    : null;
  const admin = o.adminPassword ? await api.login('admin', o.adminPassword) : null;
  if (o.adminPassword && !admin) throw new Error('the admin password was refused');

  const teams = (await api.get<TeamView[]>('/teams', coordinator)).body;
  const regions = (await api.get<RegionCollection>('/regions', coordinator)).body.features;
  const demoResponder = await api.login('responder', o.password);
  const playable = new Map<string, TeamView>();
  for (const team of teams) {
    if (!admin && demoResponder?.user.teamId !== team.id) continue;
    playable.set(team.id, team);
    if (!team.onDuty && admin) {
      const now = Date.now();
      await api.post('/shifts', admin.accessToken, {
        teamId: team.id,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + (o.minutes + 60) * 60_000).toISOString(),
      });
    }
  }
  log(
    `simulating ${playable.size} of ${teams.length} teams${admin ? '' : ' (set ADMIN_PASSWORD or --admin-password to let every team answer)'}`,
  );
  const signedIn = new Map<string, SimTeam>();
  // A team's responder signs in when the team is first offered an incident (password hashing is slow: a centre
  // of thirty teams would otherwise wait before its first call).
  const team = async (teamId: string): Promise<SimTeam | null> => {
    const known = signedIn.get(teamId);
    if (known) return known;
    const view = playable.get(teamId);
    if (!view) return null;
    let token = demoResponder?.user.teamId === teamId ? demoResponder.accessToken : null;
    if (!token && admin) {
      const username = `sim-${view.callsign.toLowerCase()}`;
      // 201 the first time, 409 afterwards: either way the account exists with the simulator's password.
      await api.post('/users', admin.accessToken, {
        username,
        password: o.responderPassword,
        displayName: `Simulated ${view.callsign}`,
        role: 'responder',
        teamId,
      });
      token = (await api.login(username, o.responderPassword))?.accessToken ?? null;
    }
    if (!token) return null;
    const at = view.location ?? view.base;
    const sim = { id: teamId, callsign: view.callsign, token, position: { lat: at.lat, lng: at.lng } };
    signedIn.set(teamId, sim);
    return sim;
  };
  return { counselor, coordinator, hospital, team, regions };
}

/** A random place in a region, regions weighted by population (unknown population counts as the mean). */
export function randomPlace(regions: readonly RegionFeature[], random: Random): LatLng {
  const known = regions.map((r) => r.properties.population).filter((p): p is number => p !== null);
  const mean = known.length ? known.reduce((s, p) => s + p, 0) / known.length : 1;
  const weights = regions.map((r) => r.properties.population ?? mean);
  let pick = random() * weights.reduce((s, w) => s + w, 0);
  const region = regions.find((_, i) => (pick -= weights[i]) < 0) ?? regions[regions.length - 1];
  const [minLng, minLat, maxLng, maxLat] = geometryBBox(region.geometry);
  for (let i = 0; i < 30; i++) {
    const p = { lat: between(minLat, maxLat, random), lng: between(minLng, maxLng, random) };
    if (pointInGeometry(p, region.geometry)) return p;
  }
  return geometryCentroid(region.geometry);
}
