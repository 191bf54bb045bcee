import { admissionEndsAt } from '#admission';
import type { EmergencyAdmissionView, ErrorBody, IncidentDetail, IncidentView } from '#contracts';
import { nextEvent, type TestServer } from '../support/test-server.js';
import { useDispatchWorld } from '../support/use-dispatch-world.js';
import { createTwoHospitals, createIncident, createPoliceStation, createTeam, sql } from '../support/dispatch-world.js';
import type { TwoHospitals, World } from '../support/dispatch-world.js';

// Art. 50 emergency admission and Art. 44 requests through the real API, on the built-in Korean holiday calendar.
let server: TestServer;
let world: World;
let hospitals: TwoHospitals;
useDispatchWorld(async (w) => {
  ({ server, world } = w);
  hospitals = await createTwoHospitals(server, world, ['EA-1', 'EA-2'], { lat: 37.6, lng: 127.0 }, []);
});

const consent = (admittedAt: string) => ({
  hospitalAgencyId: hospitals.hospital.id,
  doctor: { name: 'Dr. Kim Minji', at: admittedAt },
  police: { name: 'Officer Lee Junho', badge: 'SPD-1234', at: admittedAt },
  escort: 'police',
  admittedAt,
});

async function admit(incident: IncidentView, body: Record<string, unknown>, token = world.coordinator) {
  return server.api<EmergencyAdmissionView & ErrorBody>('POST', `/incidents/${incident.id}/emergency-admission`, {
    token,
    body,
  });
}

const newIncident = () => createIncident(server, world, { category: 'B', location: { lat: 37.6, lng: 127.0 } });

it('refuses an admission without both consents with 400 naming the missing one, and writes nothing', async () => {
  const incident = await newIncident();
  const at = new Date().toISOString();
  const { police: _police, ...noPolice } = consent(at);
  const res = await admit(incident, noPolice);
  expect(res.status).toBe(400);
  expect(res.body.details).toEqual([{ field: 'police', message: 'is required' }]);
  expect(res.body.message).toContain('police');
  const { doctor: _doctor, ...noDoctor } = consent(at);
  expect((await admit(incident, noDoctor)).body.details).toEqual([{ field: 'doctor', message: 'is required' }]);
  const noBadge = await admit(incident, { ...consent(at), police: { name: 'Officer Lee', at } });
  expect(noBadge.body.details![0].field).toBe('police.badge');
  const police = await createPoliceStation(server, world, world.regions.north, { lat: 37.6, lng: 127.0 });
  const notHospital = await admit(incident, { ...consent(at), hospitalAgencyId: police.id });
  expect(notHospital.body.details).toEqual([{ field: 'hospitalAgencyId', message: 'no such hospital' }]);
  expect((await sql(server, `SELECT 1 FROM emergency_admission WHERE incident_id = $1`, [incident.id])).length).toBe(0);
});

it('runs the clock on the built-in calendar across Christmas and Lunar New Year; the alert comes 12 h before the end', async () => {
  const holidays = (await server.api<string[]>('GET', '/holidays', { token: world.counselor })).body;
  expect(holidays).toEqual(expect.arrayContaining(['2025-12-25', '2026-02-17', '2026-03-02', '2026-12-25']));

  const hospitalSocket = await server.socket(hospitals.hospitalUser);
  const controlSocket = await server.socket(world.coordinator);
  const created = nextEvent(hospitalSocket, 'admission.created');
  const expiring = nextEvent(hospitalSocket, 'alert.raised', (e) => e.data.kind === 'admission-expiring', 10_000);
  const controlExpiring = nextEvent(controlSocket, 'alert.raised', (e) => e.data.kind === 'admission-expiring', 10_000);
  const overdue = nextEvent(
    controlSocket,
    'admission.updated',
    (e) => e.data.guardianNotice.status === 'overdue',
    10_000,
  );

  // Wed 24 Dec 2025 10:00 KST: Christmas (Thu) and Sunday 28th skipped → Mon 29 Dec 10:00 KST.
  const christmas = await newIncident();
  const res = await admit(christmas, consent('2025-12-24T10:00:00+09:00'));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    incidentId: christmas.id,
    status: 'active',
    escort: 'police',
    guardianNotice: { status: 'overdue' },
  });
  expect(res.body.endsAt).toBe(new Date('2025-12-29T10:00:00+09:00').toISOString());
  expect((await created).data).toMatchObject({
    id: res.body.id,
    endsAt: res.body.endsAt,
    hospitalAgencyId: hospitals.hospital.id,
  });
  // Its end is long past, so the durable timer fires on the next pass: to the hospital and the control room.
  expect((await expiring).data.incidentId).toBe(christmas.id);
  await controlExpiring;
  expect((await overdue).data.id).toBe(res.body.id);

  // Sat 14 Feb 2026 20:00 KST: Sunday and Seollal (16–18 Feb) skipped → Sat 21 Feb 20:00 KST.
  const seollal = await admit(await newIncident(), consent('2026-02-14T20:00:00+09:00'));
  expect(seollal.body.endsAt).toBe(new Date('2026-02-21T20:00:00+09:00').toISOString());
  const detail = await server.api<IncidentDetail>('GET', `/incidents/${christmas.id}`, { token: world.coordinator });
  expect(detail.body.timeline.map((t) => t.type)).toContain('admission.created');
});

it('records the guardian notice and the end; the hospital sees only its own admissions', async () => {
  const incident = await newIncident();
  const admittedAt = new Date(Date.now() - 60_000).toISOString();
  const res = await admit(incident, consent(admittedAt));
  expect(res.body.guardianNotice).toEqual({
    status: 'due',
    dueAt: new Date(Date.parse(admittedAt) + 24 * 3600_000).toISOString(),
  });
  expect((await admit(incident, consent(admittedAt))).status).toBe(409);

  const mine = await server.api<EmergencyAdmissionView[]>('GET', '/emergency-admissions?active=true', {
    token: hospitals.hospitalUser,
  });
  expect(mine.body.map((a) => a.id)).toContain(res.body.id);
  expect(mine.body.every((a) => a.hospitalAgencyId === hospitals.hospital.id)).toBe(true);
  expect(
    (await server.api<EmergencyAdmissionView[]>('GET', '/emergency-admissions', { token: hospitals.otherHospitalUser }))
      .body,
  ).toEqual([]);
  expect((await server.api('GET', '/emergency-admissions?active=maybe', { token: world.coordinator })).status).toBe(
    400,
  );

  const notice = { name: 'Park Soyeon', relation: 'mother', method: 'written', at: new Date().toISOString() };
  expect(
    (
      await server.api('POST', `/emergency-admissions/${res.body.id}/guardian-notice`, {
        token: hospitals.otherHospitalUser,
        body: notice,
      })
    ).status,
  ).toBe(403);
  const noticed = await server.api<EmergencyAdmissionView>(
    'POST',
    `/emergency-admissions/${res.body.id}/guardian-notice`,
    { token: hospitals.hospitalUser, body: notice },
  );
  expect(noticed.status).toBe(200);
  expect(noticed.body.guardianNotice).toMatchObject({ status: 'done', name: 'Park Soyeon', method: 'written' });
  expect(
    (
      await server.api('POST', `/emergency-admissions/${res.body.id}/guardian-notice`, {
        token: hospitals.hospitalUser,
        body: notice,
      })
    ).status,
  ).toBe(409);

  const badOutcome = await server.api<ErrorBody>('POST', `/emergency-admissions/${res.body.id}/end`, {
    token: hospitals.hospitalUser,
    body: { outcome: 'escaped', at: new Date().toISOString() },
  });
  expect(badOutcome.body.details![0].field).toBe('outcome');
  const ended = await server.api<EmergencyAdmissionView>('POST', `/emergency-admissions/${res.body.id}/end`, {
    token: hospitals.hospitalUser,
    body: { outcome: 'voluntary', at: new Date().toISOString() },
  });
  expect(ended.body).toMatchObject({ status: 'ended', outcome: 'voluntary' });
  expect(
    (
      await server.api('POST', `/emergency-admissions/${res.body.id}/end`, {
        token: world.coordinator,
        body: { outcome: 'discharged', at: new Date().toISOString() },
      })
    ).status,
  ).toBe(409);
  const active = await server.api<EmergencyAdmissionView[]>('GET', '/emergency-admissions?active=true', {
    token: world.coordinator,
  });
  expect(active.body.map((a) => a.id)).not.toContain(res.body.id);
  const timers = await sql<{ n: number }>(
    server,
    `SELECT count(*)::int AS n FROM timer WHERE ref_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`,
    [res.body.id],
  );
  expect(timers[0].n).toBe(0);
});

it('lets only the team on the incident record it; an admin calendar edit moves running clocks', async () => {
  const incident = await newIncident();
  const { token: otherTeam } = await createTeam(server, world, {
    regionId: world.regions.north,
    base: { lat: 37.6, lng: 127.0 },
  });
  const admittedAt = new Date(Date.now() - 60_000).toISOString();
  expect((await admit(incident, consent(admittedAt), otherTeam)).status).toBe(403);
  const res = await admit(incident, consent(admittedAt));
  const before = (await server.api<string[]>('GET', '/holidays', { token: world.admin })).body;

  // A temporary public holiday is declared on the day the clock would end.
  const endDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(res.body.endsAt));
  expect((await server.api('PUT', '/holidays', { token: world.coordinator, body: [...before, endDay] })).status).toBe(
    403,
  );
  expect(
    (await server.api<ErrorBody>('PUT', '/holidays', { token: world.admin, body: ['2026-13-01'] })).body.details![0]
      .field,
  ).toBe('[0]');
  const control = await server.socket(world.coordinator);
  const moved = nextEvent(control, 'admission.updated', (e) => e.data.id === res.body.id);
  const put = await server.api<string[]>('PUT', '/holidays', { token: world.admin, body: [...before, endDay] });
  expect(put.status).toBe(200);
  expect(put.body).toContain(endDay);
  const expected = admissionEndsAt(new Date(admittedAt), new Set([...before, endDay]), 'Asia/Seoul').toISOString();
  expect(expected > res.body.endsAt).toBe(true);
  expect((await moved).data.endsAt).toBe(expected);

  // Removing it again restores the clock.
  await server.api('PUT', '/holidays', { token: world.admin, body: before });
  const [row] = (
    await server.api<EmergencyAdmissionView[]>('GET', `/emergency-admissions?incidentId=${incident.id}`, {
      token: world.coordinator,
    })
  ).body;
  expect(row.endsAt).toBe(res.body.endsAt);
});

it('records an Art. 44 administrative admission request on the incident (coordinator only)', async () => {
  const incident = await newIncident();
  const body = {
    requestedBy: { name: 'Officer Choi', role: 'police' },
    district: 'Jongno-gu',
    at: new Date().toISOString(),
  };
  const { token: responder } = await createTeam(server, world, {
    regionId: world.regions.north,
    base: { lat: 37.6, lng: 127.0 },
  });
  expect(
    (await server.api('POST', `/incidents/${incident.id}/administrative-admission`, { token: responder, body })).status,
  ).toBe(403);
  const bad = await server.api<ErrorBody>('POST', `/incidents/${incident.id}/administrative-admission`, {
    token: world.coordinator,
    body: { ...body, district: '' },
  });
  expect(bad.body.details![0].field).toBe('district');
  const res = await server.api<{ id: string; district: string }>(
    'POST',
    `/incidents/${incident.id}/administrative-admission`,
    { token: world.coordinator, body },
  );
  expect(res.status).toBe(201);
  expect(res.body.district).toBe('Jongno-gu');
  const detail = await server.api<IncidentDetail>('GET', `/incidents/${incident.id}`, { token: world.coordinator });
  expect(detail.body.timeline.find((t) => t.type === 'admission.administrative-requested')?.data).toMatchObject({
    district: 'Jongno-gu',
    requestedByRole: 'police',
  });
});
