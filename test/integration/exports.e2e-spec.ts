import { EMPTY_SAFETY_PLAN, type AgencyView, type HandoffView, type IncidentView } from '#contracts';
import type { TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { clientCaseWithTeam } from '../support/client-case.js';
import { EIDO_COMPONENTS, HANDOFF_BUNDLE_TYPES } from '../support/exports.js';
import { loadR4Definitions, r4Issues } from '../support/fhir-r4.js';
import { createPoliceStation, createUser, requestHandoff, sql } from '../support/dispatch-world.js';
import type { TeamHandle, World } from '../support/dispatch-world.js';

// Partner exports end to end: the FHIR R4 bundle of a hospital handoff (validated with Medplum) and the NENA EIDO
// of an incident for police, with who may read them and the audit rows of each read.

type Entry = { fullUrl: string; resource: { resourceType: string; id: string } & Record<string, unknown> };

const SAFETY_PLAN = 'SAFETYPLAN-ZX81: remove the knife from the kitchen drawer, call sister Yuna';
const CALL_NOTES = 'CLINICALNOTE-QW42 hears voices, stopped clozapine last week';
const SUMMARY = 'CLINICALSUMMARY-PL07 suicidal with plan';

let server: TestServer;
let world: World;
let hospital: AgencyView;
let police: AgencyView;
let otherPolice: AgencyView;
let tokens: { hospital: string; police: string; otherPolice: string; supervisor: string };
let incident: IncidentView;
let clientId: string;
let hospitalHandoff: HandoffView;
let policeHandoff: HandoffView;
let team: TeamHandle;

useDispatchWorld(
  async (w) => {
    ({ server, world } = w);
    loadR4Definitions();
    const h = await server.api<AgencyView>('POST', '/agencies', {
      token: world.admin,
      body: {
        code: 'H-EXP',
        kind: 'hospital',
        name: 'Export General Hospital',
        regionIds: [world.regions.north],
        location: { lat: 37.61, lng: 127.01 },
      },
    });
    expect(h.status).toBe(201);
    hospital = h.body;
    police = await createPoliceStation(server, world, world.regions.north, { lat: 37.6, lng: 127.0 });
    otherPolice = await createPoliceStation(server, world, world.regions.north, { lat: 37.62, lng: 127.0 });
    tokens = {
      hospital: await createUser(server, world.admin, 'agency', { agencyId: hospital.id }),
      police: await createUser(server, world.admin, 'agency', { agencyId: police.id }),
      otherPolice: await createUser(server, world.admin, 'agency', { agencyId: otherPolice.id }),
      supervisor: await createUser(server, world.admin, 'supervisor'),
    };

    // A registered client with a safety plan calls; the counselor notes clinical detail; triage finds danger; a
    // crisis team takes the incident.
    ({ clientId, incident, team } = await clientCaseWithTeam(server, world, {
      supervisor: tokens.supervisor,
      client: {
        name: 'Park Jisoo',
        phones: ['+82 10 5555 0101'],
        riskFlags: ['weapon-access', 'prior-attempt'],
        birthYear: 1988,
        caseManager: 'CM Lee',
      },
      safetyPlan: { ...EMPTY_SAFETY_PLAN, meansSafety: SAFETY_PLAN },
      call: { callerNumber: '+82 10 5555 0101', notes: CALL_NOTES, address: '12 Export-ro', summary: SUMMARY },
      team: { regionId: world.regions.north, base: { lat: 37.6, lng: 127.0 }, callsign: 'MCT-EXPORT' },
    }));

    hospitalHandoff = await requestHandoff(
      server,
      world,
      incident.id,
      hospital,
      'Psychiatric emergency evaluation, admission likely',
    );
    policeHandoff = await requestHandoff(
      server,
      world,
      incident.id,
      police,
      'Secure the scene: person has access to a knife',
    );
  },
  { timeoutMs: 90_000 },
);

describe('GET /handoffs/:id/fhir', () => {
  it('gives the hospital a valid R4 collection bundle with every resource it needs, audited with the client as subject', async () => {
    const res = await server.api<{ resourceType: string; type: string; entry: Entry[] }>(
      'GET',
      `/handoffs/${hospitalHandoff.id}/fhir`,
      { token: tokens.hospital },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const types = res.body.entry.map((e) => e.resource.resourceType);
    expect(types).toEqual(expect.arrayContaining([...HANDOFF_BUNDLE_TYPES]));
    for (const e of res.body.entry) {
      expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
      expect(r4Issues(e.resource)).toEqual([]);
    }
    expect(r4Issues(res.body)).toEqual([]);
    // The check can fail: an unknown property is rejected.
    expect(r4Issues({ ...res.body.entry[0].resource, unknownThing: 1 })).not.toEqual([]);

    const get = (t: string): Entry['resource'] => res.body.entry.find((e) => e.resource.resourceType === t)!.resource;
    expect(get('Task')).toMatchObject({
      status: 'requested',
      focus: { reference: `urn:uuid:${hospitalHandoff.id}` },
      owner: { reference: `urn:uuid:${hospital.id}` },
    });
    expect(get('ServiceRequest')).toMatchObject({
      reasonCode: [{ text: 'Psychiatric emergency evaluation, admission likely' }],
    });
    expect(get('Patient')).toMatchObject({
      id: clientId,
      gender: 'unknown',
      birthDate: '1988',
      name: [{ text: 'Park Jisoo' }],
    });
    expect(get('RiskAssessment')).toMatchObject({ method: { text: 'Victorian MHTS + C-SSRS screener' } });
    const text = JSON.stringify(res.body);
    for (const secret of [SAFETY_PLAN, CALL_NOTES, SUMMARY, '5555', 'CM Lee', 'prior-attempt'])
      expect(text).not.toContain(secret);

    const audit = await sql<{ actor_role: string; subject_id: string; entity_id: string }>(
      server,
      `SELECT actor_role, subject_id, entity_id FROM audit WHERE action = 'handoff.fhir-exported' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]).toEqual({ actor_role: 'agency', subject_id: clientId, entity_id: hospitalHandoff.id });
  });

  it('follows the handoff: a decline shows as a rejected Task with its reason', async () => {
    expect(
      (
        await server.api('POST', `/handoffs/${hospitalHandoff.id}/decline`, {
          token: tokens.hospital,
          body: { reasonCode: 'no-beds' },
        })
      ).status,
    ).toBe(200);
    const res = await server.api<{ entry: Entry[] }>('GET', `/handoffs/${hospitalHandoff.id}/fhir`, {
      token: world.coordinator,
    });
    expect(res.status).toBe(200);
    const task = res.body.entry.find((e) => e.resource.resourceType === 'Task')!.resource;
    expect(task).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: 'no-beds' }] } });
    expect(r4Issues(task)).toEqual([]);
  });

  it('gives the police bundle of its own handoff without name or C-SSRS answers; refuses other agencies', async () => {
    const res = await server.api<{ entry: Entry[] }>('GET', `/handoffs/${policeHandoff.id}/fhir`, {
      token: tokens.police,
    });
    expect(res.status).toBe(200);
    expect(res.body.entry.map((e) => e.resource.resourceType)).not.toContain('QuestionnaireResponse');
    expect(JSON.stringify(res.body)).not.toContain('Park Jisoo');
    // Not the client's internal id: one derived for this handoff (issue 11), so exports cannot be linked on it.
    const patientId = res.body.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.id;
    expect(patientId).not.toBe(clientId);
    expect(JSON.stringify(res.body)).not.toContain(clientId);
    expect((await server.api('GET', `/handoffs/${hospitalHandoff.id}/fhir`, { token: tokens.police })).status).toBe(
      403,
    );
    expect((await server.api('GET', `/handoffs/${policeHandoff.id}/fhir`, { token: tokens.hospital })).status).toBe(
      403,
    );
    expect(
      (await server.api('GET', `/handoffs/00000000-0000-4000-8000-000000000000/fhir`, { token: world.coordinator }))
        .status,
    ).toBe(404);
    expect((await server.api('GET', `/handoffs/not-a-uuid/fhir`, { token: world.coordinator })).status).toBe(400);
  });
});

describe('GET /incidents/:id/eido', () => {
  it('gives the police with a handoff a minimised EIDO: location, safety flags, its request; nothing clinical', async () => {
    const res = await server.api<Record<string, unknown>>('GET', `/incidents/${incident.id}/eido`, {
      token: tokens.police,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      eidoVersion: '1.0',
      $id: expect.any(String),
      lastUpdateTimeStamp: expect.any(String),
      updatedByAgencyReference: { $ref: expect.any(String) },
    });
    for (const name of EIDO_COMPONENTS) {
      const list = ([] as Record<string, unknown>[]).concat(res.body[name] as Record<string, unknown>[]);
      expect(list.length).toBeGreaterThan(0);
      for (const c of list) {
        expect(c).toMatchObject({
          $id: expect.any(String),
          lastUpdateTimeStamp: expect.any(String),
          updatedByAgencyReference: { $ref: expect.any(String) },
        });
        expect(Number.isNaN(Date.parse(c.lastUpdateTimeStamp as string))).toBe(false);
      }
    }
    const text = JSON.stringify(res.body);
    expect(text).toContain('12 Export-ro');
    const resources = res.body.emergencyResourceComponent as Record<string, unknown>[];
    expect(resources).toEqual([
      expect.objectContaining({ emergencyResourceName: 'MCT-EXPORT', unitStatusInternal: [expect.any(String)] }),
    ]);
    const teamStatus = (
      await sql<{ status: string }>(server, `SELECT status FROM team WHERE id = $1`, [team.team.id])
    )[0].status;
    expect(resources[0].unitStatusInternal).toEqual([teamStatus]);
    expect(text).toContain('Secure the scene: person has access to a knife');
    expect(text).toContain('Person may have access to a weapon');
    expect(text).toMatch(/Harm to others imminent/);
    // Never clinical: not the safety plan, call notes, summary; no C-SSRS answers; no name, phone or hospital request.
    for (const secret of [
      SAFETY_PLAN,
      'SAFETYPLAN-ZX81',
      CALL_NOTES,
      'CLINICALNOTE-QW42',
      SUMMARY,
      'CLINICALSUMMARY-PL07',
      'Park Jisoo',
      '5555',
      'CM Lee',
      'prior-attempt',
      hospital.name,
      'Psychiatric emergency evaluation',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/wishDead|suicidalThoughts|thoughtsWithMethod|planWithIntent|cssrs/i);

    const audit = await sql<{ actor_role: string; subject_id: string; entity_id: string }>(
      server,
      `SELECT actor_role, subject_id, entity_id FROM audit WHERE action = 'incident.eido-exported' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]).toEqual({ actor_role: 'agency', subject_id: clientId, entity_id: incident.id });
  });

  it('is refused to another police agency and to the hospital; a coordinator reads it', async () => {
    expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: tokens.otherPolice })).status).toBe(403);
    expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: tokens.hospital })).status).toBe(403);
    const before = (
      await sql<{ n: number }>(server, `SELECT count(*)::int AS n FROM audit WHERE action = 'incident.eido-exported'`)
    )[0].n;
    const staff = await server.api<Record<string, unknown>>('GET', `/incidents/${incident.id}/eido`, {
      token: world.coordinator,
    });
    expect(staff.status).toBe(200);
    expect(JSON.stringify(staff.body)).not.toContain(SAFETY_PLAN);
    expect(
      (
        await sql<{ n: number }>(server, `SELECT count(*)::int AS n FROM audit WHERE action = 'incident.eido-exported'`)
      )[0].n,
    ).toBe(before + 1);
    expect(
      (await server.api('GET', `/incidents/00000000-0000-4000-8000-000000000000/eido`, { token: world.coordinator }))
        .status,
    ).toBe(404);
  });

  it('is refused to the police once it has declined its handoff', async () => {
    expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: tokens.police })).status).toBe(200);
    const declined = await server.api('POST', `/handoffs/${policeHandoff.id}/decline`, {
      token: tokens.police,
      body: { reasonCode: 'other' },
    });
    expect(declined.status).toBe(200);
    expect((await server.api('GET', `/incidents/${incident.id}/eido`, { token: tokens.police })).status).toBe(403);
  });
});
