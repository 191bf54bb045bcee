import { DISPATCH_PROCESSING_SECONDS, minutesLeft, planSlaTimers } from './sla.js';

const now = new Date('2025-03-01T10:00:00Z');
const at = (minutes: number): Date => new Date(now.getTime() + minutes * 60_000);

describe('planSlaTimers', () => {
  it('plans nothing without a response time', () => {
    expect(planSlaTimers({ respondBy: null, now, warningMinutes: 15 })).toEqual([]);
  });

  it('warns warningMinutes before respondBy and alerts at it, if no team is on scene', () => {
    expect(planSlaTimers({ respondBy: at(120), now, warningMinutes: 15 })).toEqual([
      { kind: 'incident.sla-warning', dueAt: at(105), condition: 'not-on-scene' },
      { kind: 'incident.sla-breach', dueAt: at(120), condition: 'not-on-scene' },
    ]);
  });

  it('warns at once when less than the margin is left', () => {
    expect(planSlaTimers({ respondBy: at(5), now, warningMinutes: 15 })[0]).toEqual({
      kind: 'incident.sla-warning',
      dueAt: now,
      condition: 'not-on-scene',
    });
  });

  it('skips the warning when the margin is 0', () => {
    expect(planSlaTimers({ respondBy: at(60), now, warningMinutes: 0 })).toEqual([
      { kind: 'incident.sla-breach', dueAt: at(60), condition: 'not-on-scene' },
    ]);
  });

  it('checks the 60-second dispatch target instead when the response is due now (category A)', () => {
    const plan = planSlaTimers({ respondBy: now, now, warningMinutes: 15 });
    expect(plan).toEqual([
      {
        kind: 'incident.sla-warning',
        dueAt: new Date(now.getTime() + DISPATCH_PROCESSING_SECONDS * 1000),
        condition: 'not-dispatched',
      },
    ]);
    expect(planSlaTimers({ respondBy: at(-3), now, warningMinutes: 15, processingSeconds: 30 })[0].dueAt).toEqual(
      new Date(now.getTime() + 30_000),
    );
  });

  it('refuses invalid input', () => {
    expect(() => planSlaTimers({ respondBy: new Date('x'), now, warningMinutes: 15 })).toThrow(RangeError);
    expect(() => planSlaTimers({ respondBy: at(10), now, warningMinutes: -1 })).toThrow(RangeError);
  });
});

describe('minutesLeft', () => {
  it('counts whole minutes left, negative once passed', () => {
    expect(minutesLeft(at(10), now)).toBe(10);
    expect(minutesLeft(at(0.5), now)).toBe(0);
    expect(minutesLeft(at(-0.5), now)).toBe(-1);
    expect(minutesLeft(null, now)).toBeNull();
  });
});
