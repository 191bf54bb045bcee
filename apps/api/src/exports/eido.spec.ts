import type { TriageInput } from '#contracts';
import { WORST_CSSRS } from '../../../../test/support/cssrs.js';
import { EIDO_COMPONENTS } from '../../../../test/support/exports.js';
import { blankTriageInput } from '#triage';
import { buildEido, CENTRE_AGENCY_ID, html, type EidoInput } from './eido.js';

const INPUT: TriageInput = {
  ...blankTriageInput(),
  cssrs: WORST_CSSRS,
  harmToOthers: 'imminent',
  weaponAccess: true,
  distress: 'high',
};

const police = {
  id: '66666666-6666-4666-8666-666666666666',
  code: 'P1',
  kind: 'police' as const,
  name: 'North Police',
};

function input(): EidoInput {
  return {
    incident: {
      id: '22222222-2222-4222-8222-222222222222',
      number: 'MH-2026-000002',
      category: 'A',
      status: 'dispatched',
      lat: 37.6,
      lng: 127,
      address: '1 <Test>-ro & Co',
      dangerToOthers: true,
      notify: { police: true, ems: false, fire: false },
      createdAt: new Date('2026-01-01T09:00:00Z'),
      onSceneAt: null,
      closedAt: null,
    },
    triage: {
      id: '44444444-4444-4444-8444-444444444444',
      category: 'A',
      cssrsRisk: 'high',
      respondWithinMinutes: 15,
      rulesVersion: 'r1',
      assessedAt: new Date('2026-01-01T09:02:00Z'),
      overridden: false,
      input: INPUT,
    },
    client: {
      id: '55555555-5555-4555-8555-555555555555',
      displayName: 'Kim Minji',
      birthYear: 1990,
      safetyFlags: ['violence'],
    },
    calls: [
      {
        id: '77777777-7777-4777-8777-777777777777',
        channel: 'phone',
        receivedAt: new Date('2026-01-01T08:58:00Z'),
        answeredAt: new Date('2026-01-01T08:58:10Z'),
        endedAt: null,
      },
    ],
    teams: [
      {
        id: '88888888-8888-4888-8888-888888888888',
        callsign: 'MCT-1',
        status: 'en-route',
        statusChangedAt: new Date('2026-01-01T09:05:00Z'),
        skills: ['adult'],
        dispatchStatus: 'accepted',
      },
    ],
    handoffs: [
      {
        id: '99999999-9999-4999-8999-999999999999',
        incidentId: '22222222-2222-4222-8222-222222222222',
        agency: police,
        kind: 'police',
        status: 'requested',
        reason: 'Secure the scene before the crisis team enters',
        reasonCode: null,
        requestedAt: new Date('2026-01-01T09:06:00Z'),
        respondedAt: null,
        completedAt: null,
      },
    ],
    centre: { name: 'Crisis Centre' },
  };
}

describe('buildEido', () => {
  it('fills every required component, each with its prologue', () => {
    const e = buildEido(input());
    expect(e).toMatchObject({
      eidoVersion: '1.0',
      issuingElementIdentification: expect.any(String),
      updatedByAgencyReference: { $ref: CENTRE_AGENCY_ID },
    });
    for (const name of EIDO_COMPONENTS) {
      const list = ([] as unknown[]).concat(e[name]);
      expect(list.length).toBeGreaterThan(0);
      for (const c of list as Record<string, unknown>[]) {
        expect(typeof c.$id).toBe('string');
        expect(new Date(c.lastUpdateTimeStamp as string).toISOString()).toBe(c.lastUpdateTimeStamp);
        expect(c.updatedByAgencyReference).toEqual({ $ref: expect.any(String) });
      }
    }
    expect(e.lastUpdateTimeStamp).toBe('2026-01-01T09:06:00.000Z');
  });

  it('every $ref points at a component of the document', () => {
    const e = buildEido(input());
    const ids = new Set<string>();
    for (const v of Object.values(e))
      for (const c of ([] as unknown[]).concat(v))
        if (c && typeof c === 'object' && '$id' in c) ids.add((c as { $id: string }).$id);
    const refs = [...JSON.stringify(e).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(ids.has(r)).toBe(true);
  });

  it('carries the safety flags as cautions and the request addressed to the agency', () => {
    const e = buildEido(input());
    expect(e.cautionComponent.map((c) => c.cautionTypeInternalText)).toEqual([
      'Person may have access to a weapon',
      'Harm to others imminent',
      'History of violence on record',
    ]);
    const notes = e.notesComponent.map((n) => n.notesActionComments).join('\n');
    expect(notes).toContain('Secure the scene before the crisis team enters');
    expect(notes).toContain('SAFETY: Person may have access to a weapon');
    expect(e.emergencyResourceComponent[0]).toMatchObject({
      emergencyResourceName: 'MCT-1',
      unitStatusInternal: ['en-route'],
      primaryUnitStatusRegistryText: 'Enroute',
      agentReference: [],
    });
    expect(e.agencyComponent.map((a) => a.agencyType)).toEqual([
      ['urn:emergency:service:responder.other'],
      ['urn:emergency:service:responder.police'],
    ]);
  });

  it('is minimised: no name, no C-SSRS answers, escaped address in PIDF-LO', () => {
    const e = buildEido(input());
    const text = JSON.stringify(e);
    expect(text).not.toContain('Kim Minji');
    expect(text).not.toMatch(/wishDead|suicidalThoughts|planWithIntent|cssrs|C-SSRS/i);
    expect(e.personComponent[0]).not.toHaveProperty('ncPersonComponent');
    expect(e.locationComponent[0].locationByValue).toContain('1 &lt;Test&gt;-ro &amp; Co');
    expect(e.locationComponent[0].locationByValue).toContain('<gml:pos>37.6 127</gml:pos>');
  });

  it('no flags means no cautions', () => {
    const base = input();
    const e = buildEido({
      ...base,
      incident: { ...base.incident, dangerToOthers: false },
      triage: { ...base.triage!, input: { ...INPUT, harmToOthers: 'none', weaponAccess: false } },
      client: null,
    });
    expect(e.cautionComponent).toEqual([]);
    expect(e.notesComponent.some((n) => String(n.notesActionComments).includes('SAFETY'))).toBe(false);
  });

  it('html escapes markup', () => {
    expect(html(`<b>"x"</b> & 'y'`)).toBe('&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39;');
  });
});
