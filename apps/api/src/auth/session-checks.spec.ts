import { SessionChecks, type LiveLookup } from './session-checks.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const U = '33333333-3333-4333-8333-333333333333';
const ENDS = new Date('2026-12-01T09:00:00Z');

/** A lookup that records each batch it is asked and answers "live" for session A only, when released. */
function recordingLookup(): { lookup: LiveLookup; batches: string[][]; release(): void } {
  const batches: string[][] = [];
  const held: (() => void)[] = [];
  const lookup: LiveLookup = (pairs) => {
    batches.push(pairs.map((p) => p.sessionId));
    return new Promise((resolve) =>
      held.push(() => resolve(pairs.map((p) => (p.sessionId === A ? { expires_at: ENDS } : undefined)))),
    );
  };
  return { lookup, batches, release: () => held.splice(0).forEach((r) => r()) };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('SessionChecks', () => {
  it('asks once for the requests that arrive together, each distinct session once, and answers each its own', async () => {
    const l = recordingLookup();
    const checks = new SessionChecks(l.lookup);
    const answers = Promise.all([checks.live(A, U), checks.live(B, U), checks.live(A, U)]);
    await turn();
    l.release();
    expect(await answers).toEqual([{ expires_at: ENDS }, undefined, { expires_at: ENDS }]);
    expect(l.batches).toEqual([[A, B]]);
  });

  it('never lets a request join a check already sent: it gets a check of its own, sent after it arrived', async () => {
    const l = recordingLookup();
    const checks = new SessionChecks(l.lookup);
    const first = checks.live(A, U);
    await turn(); // the first check is on its way
    const second = checks.live(A, U);
    await turn();
    expect(l.batches).toEqual([[A], [A]]);
    l.release();
    expect(await Promise.all([first, second])).toEqual([{ expires_at: ENDS }, { expires_at: ENDS }]);
  });

  it('answers "not live" for ids that cannot name a session, without asking', async () => {
    const l = recordingLookup();
    const checks = new SessionChecks(l.lookup);
    expect(await checks.live('not-a-uuid', U)).toBeUndefined();
    expect(await checks.live(A, "x'); DROP TABLE user_session; --")).toBeUndefined();
    expect(l.batches).toEqual([]);
  });

  it('fails every request of a batch whose lookup failed, and asks again for the next', async () => {
    let calls = 0;
    const checks = new SessionChecks((pairs) => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('database unavailable'))
        : Promise.resolve(pairs.map(() => ({ expires_at: ENDS })));
    });
    const failed = Promise.allSettled([checks.live(A, U), checks.live(B, U)]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await checks.live(A, U)).toEqual({ expires_at: ENDS });
    expect(calls).toBe(2);
  });
});
