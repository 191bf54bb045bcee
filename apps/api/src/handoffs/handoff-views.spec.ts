import {
  communityView,
  emergencyView,
  handoffViewFor,
  hospitalView,
  readerOf,
  safetyCautions,
  staffView,
} from './handoff-views.js';
import type { HandoffSourceRow } from './handoffs.repository.js';

const source = (over: Partial<HandoffSourceRow> = {}): HandoffSourceRow => ({
  id: 'h1',
  incident_id: 'i1',
  agency_id: 'a1',
  kind: 'police',
  status: 'requested',
  reason: 'Secure the scene',
  reason_code: null,
  reason_text: null,
  requested_at: new Date('2026-11-30T01:00:00Z'),
  responded_at: null,
  completed_at: null,
  bed_request_id: null,
  contact_confirmed_at: null,
  cancelled_at: null,
  cancel_reason: null,
  number: '2026-000001',
  category: 'B',
  lat: 37.56,
  lng: 126.99,
  address: 'Toegye-ro 100',
  summary: 'CLINICAL SUMMARY',
  danger_to_others: false,
  client_id: 'c1',
  team_id: 't1',
  cssrs_risk: 'high',
  weapon_access: false,
  harm_to_others: 'none',
  person_name: 'Han Doyun',
  client_risk_flags: ['prior-attempt'],
  team_callsign: 'JUNG-1',
  team_status: 'on-scene',
  ...over,
});

describe('handoff views', () => {
  it('names safety cautions from the triage, the client flags and the incident, never clinical flags', () => {
    expect(safetyCautions(source())).toEqual([]);
    expect(
      safetyCautions(
        source({
          weapon_access: true,
          harm_to_others: 'threats',
          client_risk_flags: ['violence', 'psychosis', 'prior-attempt'],
          danger_to_others: true,
        }),
      ),
    ).toEqual(['weapon-access', 'violence-history', 'threats', 'danger-to-others']);
    expect(safetyCautions(source({ client_risk_flags: ['weapon-access'], harm_to_others: 'inProgress' }))).toEqual([
      'weapon-access',
      'harm-to-others-imminent',
    ]);
  });

  it('gives police and fire the location, cautions and team, and nothing clinical or identifying', () => {
    const view = emergencyView(source());
    expect(view).toEqual({
      view: 'emergency',
      number: '2026-000001',
      category: 'B',
      location: { lat: 37.56, lng: 126.99, address: 'Toegye-ro 100' },
      cautions: [],
      team: { callsign: 'JUNG-1', status: 'on-scene' },
    });
    const text = JSON.stringify(handoffViewFor('emergency', source()));
    for (const secret of ['CLINICAL SUMMARY', 'Han Doyun', 'high']) expect(text).not.toContain(secret);
  });

  it('gives a hospital the name only with a registered client, the band and the summary, not the location', () => {
    expect(hospitalView(source())).toEqual({
      view: 'hospital',
      number: '2026-000001',
      category: 'B',
      cssrsRisk: 'high',
      summary: 'CLINICAL SUMMARY',
      personName: 'Han Doyun',
    });
    expect(hospitalView(source({ client_id: null })).personName).toBeNull();
    expect(JSON.stringify(hospitalView(source()))).not.toContain('Toegye-ro');
  });

  it('gives a community centre what a follow-up needs and staff the incident headline', () => {
    expect(communityView(source())).toEqual({
      view: 'community',
      number: '2026-000001',
      category: 'B',
      summary: 'CLINICAL SUMMARY',
      personName: 'Han Doyun',
    });
    expect(staffView(source())).toEqual({
      view: 'staff',
      number: '2026-000001',
      category: 'B',
      location: { lat: 37.56, lng: 126.99, address: 'Toegye-ro 100' },
    });
  });

  it('reads an agency user as its handoff kind and everyone else as staff', () => {
    const actor = (role: 'agency' | 'coordinator') => ({ userId: 'u', username: 'u', role, ip: null, userAgent: null });
    expect(readerOf(actor('agency'), 'fire')).toBe('emergency');
    expect(readerOf(actor('agency'), 'hospital')).toBe('hospital');
    expect(readerOf(actor('agency'), 'community')).toBe('community');
    expect(readerOf(actor('coordinator'), 'police')).toBe('staff');
  });
});
