import { describe, expect, it } from '@jest/globals';
import { FakeClock, flush } from '../testing/fake-clock';
import { idlePolicy, keepsSessionAlive } from './idle-policy';
import { TokenRefreshScheduler } from './token-refresh';

describe('idle policy per role', () => {
  it('never idles out a responder, locks the control room, logs off counselors and administrators', () => {
    expect(idlePolicy('responder')).toBe('none');
    expect(idlePolicy('coordinator')).toBe('lock');
    expect(idlePolicy('supervisor')).toBe('lock');
    expect(idlePolicy('counselor')).toBe('logoff');
    expect(idlePolicy('admin')).toBe('logoff');
    expect(idlePolicy('agency')).toBe('logoff');
    expect([keepsSessionAlive('responder'), keepsSessionAlive('coordinator'), keepsSessionAlive('counselor')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('renews the token of a phone in a pocket (keepAlive) without any input, and not without keepAlive', async () => {
    for (const keepAlive of [true, false]) {
      const clock = new FakeClock(1_000_000);
      const requests: number[] = [];
      const scheduler = new TokenRefreshScheduler<{ expiresIn: number }>({
        refresh: async () => {
          requests.push(clock.now);
          return { expiresIn: 15 * 60 };
        },
        onRefreshed: () => undefined,
        keepAlive,
        now: () => clock.now,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
      });
      scheduler.start(clock.now + 15 * 60_000);
      await clock.advance(14 * 60_000);
      await flush();
      expect(requests.length).toBe(keepAlive ? 1 : 0);
      scheduler.stop();
    }
  });
});
