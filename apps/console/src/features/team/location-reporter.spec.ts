import { describe, expect, it } from '@jest/globals';
import type { LatLng } from '#contracts';
import { FakeClock, flush } from '../../testing/fake-clock';
import { LocationReporter } from './location-reporter';

const at = (n: number): LatLng => ({ lat: 37.56 + n / 1000, lng: 126.99 });

function setup() {
  const clock = new FakeClock();
  const sent: { at: number; position: LatLng }[] = [];
  let fail = false;
  const reporter = new LocationReporter({
    send: async (position) => {
      sent.push({ at: clock.now, position });
      if (fail) throw new Error('offline');
    },
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { clock, sent, reporter, failWith: (v: boolean) => (fail = v) };
}

describe('LocationReporter', () => {
  it('sends the first fix at once, then at most one every 30 s, always the latest', async () => {
    const { clock, sent, reporter } = setup();
    reporter.fix(at(1));
    await flush();
    await clock.advance(5_000);
    reporter.fix(at(2));
    await clock.advance(5_000);
    reporter.fix(at(3));
    await clock.advance(19_999);
    expect(sent.map((s) => s.at)).toEqual([0]);
    await clock.advance(1);
    expect(sent).toEqual([
      { at: 0, position: at(1) },
      { at: 30_000, position: at(3) },
    ]);
  });

  it('sends nothing when no new fix arrived', async () => {
    const { clock, sent, reporter } = setup();
    reporter.fix(at(1));
    await clock.advance(120_000);
    expect(sent).toHaveLength(1);
  });

  it('sends the latest fix immediately on a status change, inside the interval', async () => {
    const { clock, sent, reporter } = setup();
    reporter.fix(at(1));
    await clock.advance(10_000);
    reporter.fix(at(2));
    reporter.statusChanged();
    await flush();
    expect(sent.map((s) => s.at)).toEqual([0, 10_000]);
    expect(sent[1].position).toEqual(at(2));
    // The interval restarts from the status report.
    reporter.fix(at(3));
    await clock.advance(29_999);
    expect(sent).toHaveLength(2);
    await clock.advance(1);
    expect(sent.map((s) => s.at)).toEqual([0, 10_000, 40_000]);
  });

  it('does nothing on a status change before the first fix', async () => {
    const { sent, reporter } = setup();
    reporter.statusChanged();
    await flush();
    expect(sent).toEqual([]);
  });

  it('retries a failed report after the interval, not in a tight loop', async () => {
    const { clock, sent, reporter, failWith } = setup();
    failWith(true);
    reporter.fix(at(1));
    await clock.advance(29_000);
    expect(sent).toHaveLength(1);
    failWith(false);
    await clock.advance(1_000);
    expect(sent.map((s) => s.at)).toEqual([0, 30_000]);
    await clock.advance(60_000);
    expect(sent).toHaveLength(2);
  });

  it('stops reporting when stopped (off duty, logged out)', async () => {
    const { clock, sent, reporter } = setup();
    reporter.fix(at(1));
    reporter.fix(at(2));
    reporter.stop();
    reporter.fix(at(3));
    reporter.statusChanged();
    await clock.advance(60_000);
    expect(sent).toHaveLength(1);
  });
});
