import { ClaimLoop, type ClaimLoopOptions } from './claim-loop.js';

/** A queue of `due` rows worked one at a time; `failAt` makes that call throw; `gate` holds a call until opened. */
class CountingLoop extends ClaimLoop {
  worked = 0;
  calls = 0;
  gate: Promise<void> | null = null;

  constructor(
    private due: number,
    opts: Partial<ClaimLoopOptions> = {},
    private readonly failAt: number | null = null,
  ) {
    super({ name: 'Test', maxPerPass: 100, workers: 1, failure: 'test pass failed', ...opts });
    this.log.warn = () => undefined; // keep the test output clean; failures are asserted through the counts
  }

  protected async workOne(): Promise<boolean> {
    this.calls++;
    if (this.gate) await this.gate;
    if (this.failAt === this.calls) throw new Error('boom');
    if (this.due === 0) return false;
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

  it('never runs two passes at once, and stop waits for the running one', async () => {
    const loop = new CountingLoop(3);
    let open!: () => void;
    loop.gate = new Promise<void>((resolve) => (open = resolve));
    const first = loop.tick();
    expect(loop.tick()).toBe(first);
    const stopped = loop.stop();
    loop.gate = null;
    open();
    await stopped;
    // Stopped after the row in hand: no further row is claimed, and a stopped loop starts no pass.
    expect(loop.worked).toBe(1);
    await loop.tick();
    expect(loop.worked).toBe(1);
  });
});
