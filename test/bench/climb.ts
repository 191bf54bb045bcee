/**
 * The rate search's rule, apart from how a step is run (`fanout-load.ts` runs real load; `climb.spec.ts` checks the
 * rule). Several servers take turns at each rising rate, so that a drift in the machine's speed falls on all of them
 * alike. A step that is not held is run once again: a single stall of the machine is not the server's limit. A rate
 * that fails twice in a row ends that server's climb; the search ends when every climb has.
 *
 * Before the fifteenth round a climb had one second chance in all, so two stalls of the machine at any two rates
 * ended it, however far below the server's limit (docs/performance.md).
 */
export async function climb<R>(
  servers: number,
  rates: readonly number[],
  step: (server: number, rate: number) => Promise<R>,
  isHeld: (result: R) => boolean,
): Promise<{ held: number; steps: R[] }[]> {
  const state = Array.from({ length: servers }, () => ({ held: 0, steps: [] as R[], done: false }));
  for (const rate of rates) {
    for (const [i, s] of state.entries()) {
      for (let attempt = 0; !s.done && attempt < 2; attempt++) {
        const r = await step(i, rate);
        s.steps.push(r);
        if (isHeld(r)) {
          s.held = rate;
          break;
        }
        if (attempt === 1) s.done = true;
      }
    }
    if (state.every((s) => s.done)) break;
  }
  return state.map(({ held, steps }) => ({ held, steps }));
}
