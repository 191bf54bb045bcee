import { validateResource } from '@medplum/core';
import { CSSRS_ORDER, WORST_CSSRS } from '../../../../test/support/cssrs.js';
import type { TriageInput } from '#contracts';
import { blankTriageInput } from '#triage';
import { HANDOFF_BUNDLE_TYPES } from '../../../../test/support/exports.js';
import { loadR4Definitions, r4Issues } from '../../../../test/support/fhir-r4.js';
import {
  buildHandoffBundle,
  SYSTEM,
  TRIAGE_METHOD_TEXT,
  type FhirResource,
  type HandoffBundleInput,
} from './fhir-bundle.js';
import { derivedUuid } from './export-source.js';

beforeAll(loadR4Definitions);

const INPUT: TriageInput = {
  ...blankTriageInput(),
  cssrs: { ...WORST_CSSRS, planWithIntent: false },
  weaponAccess: true,
  distress: 'high',
};

function input(over: Partial<HandoffBundleInput> = {}, kind: 'hospital' | 'police' = 'hospital'): HandoffBundleInput {
  return {
    handoff: {
      id: '11111111-1111-4111-8111-111111111111',
      incidentId: '22222222-2222-4222-8222-222222222222',
      agency: { id: '33333333-3333-4333-8333-333333333333', code: 'H1', kind, name: 'Seoul General' },
      kind,
      status: 'requested',
      reason: 'Psychiatric emergency evaluation',
      reasonCode: null,
      requestedAt: new Date('2026-01-01T10:00:00Z'),
      respondedAt: null,
      completedAt: null,
    },
    incident: {
      id: '22222222-2222-4222-8222-222222222222',
      number: 'MH-2026-000001',
      category: 'B',
      status: 'on-scene',
      lat: 37.6,
      lng: 127,
      address: '1 Test-ro',
      dangerToOthers: false,
      notify: { police: false, ems: false, fire: false },
      createdAt: new Date('2026-01-01T09:00:00Z'),
      onSceneAt: new Date('2026-01-01T09:30:00Z'),
      closedAt: null,
    },
    triage: {
      id: '44444444-4444-4444-8444-444444444444',
      category: 'B',
      cssrsRisk: 'high',
      respondWithinMinutes: 60,
      rulesVersion: 'mhts-2026.1',
      assessedAt: new Date('2026-01-01T09:05:00Z'),
      overridden: false,
      input: INPUT,
    },
    client: { id: '55555555-5555-4555-8555-555555555555', displayName: 'Kim Minji', birthYear: 1990, safetyFlags: [] },
    centre: { name: 'Crisis Centre' },
    generatedAt: new Date('2026-01-01T10:05:00Z'),
    ...over,
  };
}

const byType = (b: { entry: { resource: FhirResource }[] }, t: string): FhirResource[] =>
  b.entry.filter((e) => e.resource.resourceType === t).map((e) => e.resource);
const one = (b: { entry: { resource: FhirResource }[] }, t: string): FhirResource => {
  const r = byType(b, t);
  expect(r).toHaveLength(1);
  return r[0];
};

describe('buildHandoffBundle', () => {
  it('is a collection with urn:uuid fullUrls whose internal references all resolve, and every resource validates as R4', () => {
    const b = buildHandoffBundle(input());
    expect(b).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-01-01T10:05:00.000Z' });
    expect(b.entry.map((e) => e.resource.resourceType)).toEqual([...HANDOFF_BUNDLE_TYPES, 'Organization']);
    const urls = new Set(b.entry.map((e) => e.fullUrl));
    for (const e of b.entry) expect(e.fullUrl).toBe(`urn:uuid:${e.resource.id}`);
    const refs = JSON.stringify(b)
      .match(/"reference":"[^"]+"/g)!
      .map((r) => r.slice(13, -1));
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(urls.has(r)).toBe(true);
    for (const e of b.entry) expect(r4Issues(e.resource)).toEqual([]);
    expect(r4Issues(b)).toEqual([]);
  });

  it('the validator does reject a broken resource (so the check above can fail)', () => {
    const task = one(buildHandoffBundle(input()), 'Task');
    expect(() => {
      validateResource({ ...task, colour: 'red' });
    }).toThrow(/colour/);
    expect(r4Issues({ ...task, colour: 'red' })).not.toEqual([]);
    expect(r4Issues({ ...task, status: undefined })).not.toEqual([]);
    // Medplum checks structure, cardinality, types and invariants, not value-set bindings: codes are checked below.
    const risk = one(buildHandoffBundle(input()), 'RiskAssessment');
    expect(r4Issues({ ...risk, performer: { reference: 'Organization/x' } })).not.toEqual([]);
  });

  it('links Task → ServiceRequest (focus) and → the hospital Organization (owner); the request names the reason', () => {
    const b = buildHandoffBundle(input());
    const sr = one(b, 'ServiceRequest');
    const task = one(b, 'Task');
    expect(sr).toMatchObject({
      status: 'active',
      intent: 'order',
      priority: 'stat',
      reasonCode: [{ text: 'Psychiatric emergency evaluation' }],
    });
    expect(sr.subject).toEqual({ reference: `urn:uuid:${one(b, 'Patient').id}`, type: 'Patient' });
    expect(task.focus).toEqual({ reference: `urn:uuid:${sr.id}`, type: 'ServiceRequest' });
    expect(task.owner).toEqual({ reference: 'urn:uuid:33333333-3333-4333-8333-333333333333', type: 'Organization' });
    const orgs = byType(b, 'Organization');
    expect(orgs.find((o) => o.id === '33333333-3333-4333-8333-333333333333')).toMatchObject({ name: 'Seoul General' });
    expect(task.id).toBe(derivedUuid('task:11111111-1111-4111-8111-111111111111'));
  });

  it.each([
    ['requested', 'requested'],
    ['accepted', 'accepted'],
    ['declined', 'rejected'],
    ['completed', 'completed'],
    ['cancelled', 'cancelled'],
  ] as const)('maps handoff %s to Task %s', (status, expected) => {
    const base = input();
    const b = buildHandoffBundle({
      ...base,
      handoff: {
        ...base.handoff,
        status,
        reasonCode: status === 'declined' ? 'no-beds' : null,
        respondedAt: new Date('2026-01-01T10:01:00Z'),
      },
    });
    const task = one(b, 'Task');
    expect(task.status).toBe(expected);
    // R4 TaskStatus (required binding).
    expect([
      'draft',
      'requested',
      'received',
      'accepted',
      'rejected',
      'ready',
      'cancelled',
      'in-progress',
      'on-hold',
      'failed',
      'completed',
      'entered-in-error',
    ]).toContain(task.status);
    expect(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']).toContain(
      one(b, 'ServiceRequest').status,
    );
    if (status === 'declined')
      expect(task.statusReason).toEqual({
        coding: [{ system: SYSTEM.declineReason, code: 'no-beds' }],
        text: 'Declined: no-beds',
      });
    else expect(task.statusReason).toBeUndefined();
    for (const e of b.entry) expect(r4Issues(e.resource)).toEqual([]);
  });

  it('RiskAssessment carries the category and the C-SSRS band, the method and the rules version', () => {
    const risk = one(buildHandoffBundle(input()), 'RiskAssessment');
    expect(risk.method).toMatchObject({ text: TRIAGE_METHOD_TEXT, coding: [{ version: 'mhts-2026.1' }] });
    const predictions = risk.prediction as { outcome: { coding: { code: string }[]; text: string } }[];
    expect(predictions.map((p) => p.outcome.coding[0].code)).toEqual(['B', 'high']);
    expect(predictions[1].outcome.text).toBe('C-SSRS screener risk: high');
  });

  it('a hospital gets the name, birth year and the C-SSRS answers; never phone numbers', () => {
    const b = buildHandoffBundle(input());
    const patient = one(b, 'Patient');
    expect(patient).toMatchObject({ gender: 'unknown', birthDate: '1990', name: [{ text: 'Kim Minji' }] });
    expect(Object.keys(patient).sort()).toEqual(['birthDate', 'gender', 'id', 'identifier', 'name', 'resourceType']);
    const qr = one(b, 'QuestionnaireResponse');
    expect((qr.item as { linkId: string }[]).map((i) => i.linkId)).toEqual(CSSRS_ORDER);
  });

  it('a non-hospital receiver gets no name, no identifier and no C-SSRS answers', () => {
    const b = buildHandoffBundle(input({}, 'police'));
    // The id is derived per handoff: not the client's id, so partners cannot link their exports on the person.
    expect(one(b, 'Patient')).toEqual({
      resourceType: 'Patient',
      id: derivedUuid('patient:11111111-1111-4111-8111-111111111111'),
      gender: 'unknown',
      birthDate: '1990',
    });
    const other = buildHandoffBundle({
      ...input({}, 'police'),
      handoff: { ...input({}, 'police').handoff, id: '66666666-6666-4666-8666-666666666666' },
    });
    expect(one(other, 'Patient').id).not.toBe(one(b, 'Patient').id);
    expect(byType(b, 'QuestionnaireResponse')).toEqual([]);
    expect(JSON.stringify(b)).not.toContain('Kim Minji');
  });

  it('without a registered client the Patient is a placeholder; without triage there is no RiskAssessment', () => {
    const b = buildHandoffBundle(input({ client: null, triage: null }));
    const patient = one(b, 'Patient');
    expect(patient).toEqual({
      resourceType: 'Patient',
      id: derivedUuid('patient:11111111-1111-4111-8111-111111111111'),
      gender: 'unknown',
    });
    expect(byType(b, 'RiskAssessment')).toEqual([]);
    for (const e of b.entry) expect(r4Issues(e.resource)).toEqual([]);
  });
});
