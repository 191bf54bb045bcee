import { describe, expect, it } from '@jest/globals';
import type { ChangeListener, EntityKind } from './event-store';
import { FrameBatcher } from './frame-batch';

/** A store's subscribe, and a frame that comes when the test says so. */
function setup() {
  const listeners = new Map<EntityKind, Set<ChangeListener>>();
  const source = {
    subscribe(kind: EntityKind, listener: ChangeListener) {
      const set = listeners.get(kind) ?? new Set<ChangeListener>();
      listeners.set(kind, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
  const change = (kind: EntityKind, ...ids: string[]) => {
    for (const l of listeners.get(kind) ?? []) l(new Set(ids));
  };
  let frames: (() => void)[] = [];
  const frame = () => {
    const due = frames;
    frames = [];
    for (const run of due) run();
  };
  const batcher = new FrameBatcher(source, (run) => {
    frames.push(run);
    return () => (frames = frames.filter((r) => r !== run));
  });
  return { batcher, change, frame, listeners, scheduled: () => frames.length };
}

describe('FrameBatcher', () => {
  it('hands over every id changed since the last frame, once, at the frame', () => {
    const { batcher, change, frame, scheduled } = setup();
    const heard: string[][] = [];
    batcher.subscribe('incidents', (ids) => heard.push([...ids]));
    change('incidents', 'a');
    change('incidents', 'b', 'a');
    change('incidents', 'c');
    expect(heard).toEqual([]);
    expect(scheduled()).toBe(1);
    frame();
    expect(heard).toEqual([['a', 'b', 'c']]);
    frame();
    expect(heard).toHaveLength(1);
  });

  it('keeps kinds apart and shares one store subscription per kind', () => {
    const { batcher, change, frame, listeners } = setup();
    const incidents: string[][] = [];
    const teams: string[][] = [];
    batcher.subscribe('incidents', (ids) => incidents.push([...ids]));
    batcher.subscribe('incidents', (ids) => incidents.push([...ids]));
    batcher.subscribe('teams', (ids) => teams.push([...ids]));
    expect(listeners.get('incidents')?.size).toBe(1);
    change('teams', 't1');
    change('incidents', 'i1');
    frame();
    expect(incidents).toEqual([['i1'], ['i1']]);
    expect(teams).toEqual([['t1']]);
  });

  it('lets go of the store, and of a frame it asked for, when the last listener leaves', () => {
    const { batcher, change, frame, listeners, scheduled } = setup();
    const heard: string[][] = [];
    const stop = batcher.subscribe('teams', (ids) => heard.push([...ids]));
    change('teams', 't1');
    stop();
    expect(scheduled()).toBe(0);
    expect(listeners.get('teams')?.size).toBe(0);
    frame();
    expect(heard).toEqual([]);
    batcher.subscribe('teams', (ids) => heard.push([...ids]));
    change('teams', 't2');
    frame();
    expect(heard).toEqual([['t2']]);
  });
});
