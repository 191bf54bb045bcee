import { ClaimLoop, type ClaimLoopOptions } from './claim-loop.js';

/** A queue of `due` rows worked one at a time; `failAt` makes that call throw; `gate` holds a call until opened. */
class CountingLoop extends ClaimLoop {
  worked = 0;
  calls = 0;
  gate: Promise<void> | null = null;

  constructor(
    public due: number,
    opts: Partial<ClaimLoopOptions> = {},
    private readonly failAt: number | null = null,
  ) {
    super({ name: 'Test', maxPerPass: 100, workers: 1, failure: 'test pass failed', ...opts });
    this.log.warn = () => undefined; // keep the test output clean; failures are asserted through the counts
  }

  protected async workOne(): Promise<boolean> {
    this.calls++;
    const due = this.due; // what this call saw when it looked for due rows, before any gate
    if (this.gate) await this.gate;
    if (this.failAt === this.calls) throw new Error('boom');
    if (due === 0) return false;
    this.due--;
    this.worked++;
    return true;
  }
}

describe('ClaimLoop', () => {
  it('works due rows until none is left', async () => {
    const loop = new CountingLoop(5);
    await loop.tick();
    expect(loop.worked).toBe(5);
    expect(loop.calls).toBe(6);
  });

  it('ends a pass after maxPerPass rows per worker, leaving the rest for the next pass', async () => {
    const loop = new CountingLoop(7, { maxPerPass: 3, workers: 2 });
    await loop.tick();
    expect(loop.worked).toBe(6);
    await loop.tick();
    expect(loop.worked).toBe(7);
  });

  it('ends the pass on a failure instead of throwing, and the next pass goes on', async () => {
    const loop = new CountingLoop(4, {}, 2);
    await expect(loop.tick()).resolves.toBeUndefined();
    expect(loop.worked).toBe(1);
    await loop.tick();
    expect(loop.worked).toBe(4);
  });

  it('a tick during a pass resolves after a pass that began after it; calls during one pass share the next', async () => {
    const loop = new CountingLoop(0);
    let open!: () => void;
    loop.gate = new Promise<void>((resolve) => (open = resolve));
    const first = loop.tick(); // looks, finds nothing due, and waits at the gate
    const workedByFirst = first.then(() => loop.worked); // read as the first pass ends, before the next begins
    loop.due = 2; // rows become due after that pass looked (a test's change, a timer scheduled just now)
    const second = loop.tick();
    expect(second).not.toBe(first);
    expect(loop.tick()).toBe(second);
    loop.gate = null;
    open();
    expect(await workedByFirst).toBe(0);
    await second;
    expect(loop.worked).toBe(2);
  });

  it('never runs two passes at once, and stop waits for the running one and cancels the next', async () => {
    const loop = new CountingLoop(3);
    let open!: () => void;
    let inFlight = 0;
    let most = 0;
    const work = loop['workOne'].bind(loop);
    loop['workOne'] = async () => {
      most = Math.max(most, ++inFlight);
      try {
        return await work();
      } finally {
        inFlight--;
      }
    };
    loop.gate = new Promise<void>((resolve) => (open = resolve));
    const first = loop.tick();
    const next = loop.tick();
    const stopped = loop.stop();
    loop.gate = null;
    open();
    await Promise.all([first, next, stopped]);
    // Stopped after the row in hand: no further row is claimed, the queued pass never starts, nor does a later one.
    expect(loop.worked).toBe(1);
    await loop.tick();
    expect(loop.worked).toBe(1);
    expect(most).toBe(1);
  });
});
