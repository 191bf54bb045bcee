import type { ChangeListener, EntityKind } from './event-store';

// The screen needs to hear of changes at most once a frame. Socket messages are separate tasks, and when the page
// falls behind (a busy machine, a burst after a reconnect) several wait in line: notified one by one, each sorted and
// rendered the lists and redrew the map again before the next could apply. Here the ids changed since the last frame
// are collected and handed over together, once, before the frame is painted.

/** Runs `run` once, later; returns a function that cancels it. */
export type Schedule = (run: () => void) => () => void;

/** Frames stop in a hidden tab: a timer delivers the changes then, so nothing waits for the tab to be shown. */
const HIDDEN_TAB_MS = 250;

/** At the next animation frame, or after HIDDEN_TAB_MS when no frame comes. */
export const nextFrame: Schedule = (run) => {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(fire);
  const timer = setTimeout(fire, HIDDEN_TAB_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

interface KindChannel {
  listeners: Set<ChangeListener>;
  pending: Set<string>;
  cancel: (() => void) | null;
  stop: () => void;
}

/** The store's change notifications, per kind, at most once per `schedule` (a frame) with every id changed since. */
export class FrameBatcher {
  private readonly channels = new Map<EntityKind, KindChannel>();

  constructor(
    private readonly source: { subscribe(kind: EntityKind, listener: ChangeListener): () => void },
    private readonly schedule: Schedule = nextFrame,
  ) {}

  subscribe(kind: EntityKind, listener: ChangeListener): () => void {
    const channel = this.channels.get(kind) ?? this.open(kind);
    channel.listeners.add(listener);
    return () => {
      channel.listeners.delete(listener);
      if (channel.listeners.size > 0 || this.channels.get(kind) !== channel) return;
      channel.stop();
      channel.cancel?.();
      this.channels.delete(kind);
    };
  }

  private open(kind: EntityKind): KindChannel {
    const channel: KindChannel = { listeners: new Set(), pending: new Set(), cancel: null, stop: () => undefined };
    channel.stop = this.source.subscribe(kind, (ids) => {
      for (const id of ids) channel.pending.add(id);
      channel.cancel ??= this.schedule(() => this.deliver(channel));
    });
    this.channels.set(kind, channel);
    return channel;
  }

  private deliver(channel: KindChannel): void {
    channel.cancel = null;
    const ids = channel.pending;
    channel.pending = new Set();
    for (const listener of [...channel.listeners]) listener(ids);
  }
}
