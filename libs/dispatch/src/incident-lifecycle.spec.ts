import { INCIDENT_STATUSES, type IncidentStatus } from '#contracts';
import {
  INCIDENT_TRANSITIONS,
  incidentTransition,
  isTerminal,
  nextIncidentStatus,
  type IncidentTrigger,
} from './incident-lifecycle.js';

const TRIGGERS: IncidentTrigger[] = [
  'offer',
  'offer-ended',
  'accept',
  'arrive',
  'stand-down',
  'clear',
  'handoff',
  'close',
  'cancel',
];

// Written out independently of the table: trigger → { from: to }.
const EXPECTED: Record<IncidentTrigger, Partial<Record<IncidentStatus, IncidentStatus>>> = {
  offer: { open: 'dispatching' },
  'offer-ended': { dispatching: 'open' },
  accept: { dispatching: 'dispatched' },
  arrive: { dispatched: 'on-scene' },
  'stand-down': { dispatched: 'open' },
  clear: { 'on-scene': 'handoff', handoff: 'handoff' },
  handoff: { 'on-scene': 'handoff' },
  close: { open: 'closed', dispatching: 'closed', dispatched: 'closed', handoff: 'closed' },
  cancel: { open: 'cancelled', dispatching: 'cancelled', dispatched: 'cancelled' },
};

describe('incident lifecycle', () => {
  it('applies every trigger from exactly the expected statuses', () => {
    for (const trigger of TRIGGERS) {
      for (const from of INCIDENT_STATUSES) {
        expect([trigger, from, nextIncidentStatus(from, trigger)]).toEqual([
          trigger,
          from,
          EXPECTED[trigger][from] ?? null,
        ]);
      }
    }
  });

  it('follows the happy path open → dispatching → dispatched → on-scene → handoff → closed', () => {
    let s: IncidentStatus = 'open';
    for (const trigger of ['offer', 'accept', 'arrive', 'clear', 'close'] as const) s = nextIncidentStatus(s, trigger)!;
    expect(s).toBe('closed');
  });

  it('goes back to open when an offer ends or a team is called off, so it is never forgotten', () => {
    expect(nextIncidentStatus('dispatching', 'offer-ended')).toBe('open');
    expect(nextIncidentStatus('dispatched', 'stand-down')).toBe('open');
  });

  it('refuses to close or cancel while a team is on scene, and anything after the end', () => {
    expect(nextIncidentStatus('on-scene', 'close')).toBeNull();
    expect(nextIncidentStatus('on-scene', 'cancel')).toBeNull();
    expect(nextIncidentStatus('handoff', 'cancel')).toBeNull();
    for (const trigger of TRIGGERS) {
      expect(nextIncidentStatus('closed', trigger)).toBeNull();
      expect(nextIncidentStatus('cancelled', trigger)).toBeNull();
    }
    expect(INCIDENT_STATUSES.filter(isTerminal)).toEqual(['closed', 'cancelled']);
  });

  it('lists every trigger once and refuses an unknown one', () => {
    expect(INCIDENT_TRANSITIONS.map((t) => t.trigger).sort()).toEqual([...TRIGGERS].sort());
    expect(() => incidentTransition('nope' as IncidentTrigger)).toThrow(RangeError);
  });
});
