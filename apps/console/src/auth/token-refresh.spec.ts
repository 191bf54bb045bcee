import { describe, expect, it } from '@jest/globals';
import { FakeClock, flush } from '../testing/fake-clock';
import { TokenRefreshScheduler, type TokenRefreshOptions } from './token-refresh';

const MIN = 60_000;

interface Answer {
  accessToken: string;
  expiresIn: number;
}

function setup(overrides: Partial<TokenRefreshOptions<Answer>> = {}) {
  const clock = new FakeClock(1_000_000);
  const requests: number[] = [];
  const refreshed: Answer[] = [];
  let answer: () => Promise<Answer> = async () => ({ accessToken: `t${requests.length}`, expiresIn: 15 * 60 });
  const scheduler = new TokenRefreshScheduler<Answer>({
    refresh: () => {
      requests.push(clock.now);
      return answer();
    },
    onRefreshed: (r) => refreshed.push(r),
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...overrides,
  });
  return {
    clock,
    scheduler,
    requests,
    refreshed,
    answerWith: (fn: () => Promise<Answer>) => (answer = fn),
  };
}

describe('TokenRefreshScheduler', () => {
  it('renews two minutes before expiry when the operator has been active', async () => {
    const { clock, scheduler, requests, refreshed } = setup();
    const t0 = clock.now;
    scheduler.start(t0 + 15 * MIN);
    expect(scheduler.dueAt()).toBe(t0 + 13 * MIN);
    await clock.advance(5 * MIN);
    scheduler.activity();
    await clock.advance(8 * MIN - 1);
    expect(requests).toEqual([]);
    await clock.advance(1);
    expect(requests).toEqual([t0 + 13 * MIN]);
    expect(refreshed.map((r) => r.accessToken)).toEqual(['t1']);
  });

  it('keeps renewing a token every 13 minutes while the operator keeps working', async () => {
    const { clock, scheduler, requests } = setup();
    const t0 = clock.now;
    scheduler.start(t0 + 15 * MIN);
    for (let i = 0; i < 4; i++) {
      await clock.advance(MIN);
      scheduler.activity();
      await clock.advance(12 * MIN);
    }
    expect(requests).toEqual([t0 + 13 * MIN, t0 + 26 * MIN, t0 + 39 * MIN, t0 + 52 * MIN]);
  });

  it('does not renew for an operator who walked away, and renews on their first input before expiry', async () => {
    const { clock, scheduler, requests } = setup();
    const t0 = clock.now;
    scheduler.start(t0 + 15 * MIN);
    await clock.advance(13 * MIN);
    expect(requests).toEqual([]);
    expect(scheduler.state).toBe('waiting-for-activity');
    await clock.advance(MIN);
    scheduler.activity();
    await flush();
    expect(requests).toEqual([t0 + 14 * MIN]);
    expect(scheduler.state).toBe('scheduled');
  });

  it('lets the token lapse when the first input comes after expiry (the server ends the session)', async () => {
    const { clock, scheduler, requests } = setup();
    scheduler.start(clock.now + 15 * MIN);
    await clock.advance(16 * MIN);
    scheduler.activity();
    await flush();
    expect(requests).toEqual([]);
  });

  it('counts only input after the token was issued', async () => {
    const { clock, scheduler, requests } = setup();
    scheduler.activity();
    await clock.advance(1000);
    scheduler.start(clock.now + 15 * MIN);
    await clock.advance(13 * MIN);
    expect(requests).toEqual([]);
  });

  it('retries a failed refresh (network) and gives up on a fatal refusal', async () => {
    const { clock, scheduler, requests, refreshed, answerWith } = setup({
      isFatal: (e) => e instanceof Error && e.message === 'fatal',
    });
    const t0 = clock.now;
    scheduler.start(t0 + 15 * MIN);
    scheduler.activity(t0 + 1);
    answerWith(() => Promise.reject(new Error('offline')));
    await clock.advance(13 * MIN);
    await clock.advance(15_000);
    expect(requests).toEqual([t0 + 13 * MIN, t0 + 13 * MIN + 15_000]);
    answerWith(() => Promise.reject(new Error('fatal')));
    await clock.advance(15_000);
    expect(requests).toHaveLength(3);
    expect(scheduler.state).toBe('stopped');
    await clock.advance(10 * MIN);
    expect(requests).toHaveLength(3);
    expect(refreshed).toEqual([]);
  });

  it('stops retrying when the next attempt would come after expiry', async () => {
    const { clock, scheduler, requests, answerWith } = setup({ retryMs: 90_000 });
    scheduler.start(clock.now + 15 * MIN);
    scheduler.activity(clock.now + 1);
    answerWith(() => Promise.reject(new Error('offline')));
    await clock.advance(13 * MIN);
    await clock.advance(90_000);
    expect(requests).toHaveLength(2);
    expect(scheduler.state).toBe('stopped');
    expect(clock.pending).toBe(0);
  });

  it('never hands over a token that arrives after logout', async () => {
    const { clock, scheduler, refreshed, answerWith } = setup();
    let resolve: (a: Answer) => void = () => undefined;
    answerWith(() => new Promise<Answer>((r) => (resolve = r)));
    scheduler.start(clock.now + 15 * MIN);
    scheduler.activity(clock.now + 1);
    await clock.advance(13 * MIN);
    scheduler.stop();
    resolve({ accessToken: 'late', expiresIn: 900 });
    await flush();
    expect(refreshed).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('renews a short-lived token half-way through its life', async () => {
    const { clock, scheduler, requests } = setup();
    const t0 = clock.now;
    scheduler.start(t0 + 3 * MIN);
    scheduler.activity(t0 + 1);
    await clock.advance(90_000);
    expect(requests).toEqual([t0 + 90_000]);
  });

  it('makes one request at a time however much input arrives while it runs', async () => {
    const { clock, scheduler, requests, answerWith } = setup();
    let resolve: (a: Answer) => void = () => undefined;
    answerWith(() => new Promise<Answer>((r) => (resolve = r)));
    scheduler.start(clock.now + 15 * MIN);
    await clock.advance(13 * MIN);
    scheduler.activity();
    scheduler.activity();
    scheduler.activity();
    await flush();
    expect(requests).toHaveLength(1);
    resolve({ accessToken: 'next', expiresIn: 900 });
    await flush();
    expect(scheduler.state).toBe('scheduled');
  });
});
