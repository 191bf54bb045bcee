import type { LatLng } from '#contracts';

// How often a team's phone tells the server where it is, without the DOM: phones report fixes as often as they
// like, the control room needs one every half minute (recommendations use it), and a status change is worth an
// immediate one (arrival on scene is where the coordinator wants the dot to be).

/** What the phone's location indicator says. */
export type LocationSharing = 'off-duty' | 'locating' | 'shared' | 'denied' | 'unavailable' | 'not-sent';

export interface LocationReporterOptions {
  /** POST /teams/:id/location. */
  send: (position: LatLng) => Promise<void>;
  onSent?: (at: number) => void;
  onFailed?: (error: unknown) => void;
  /** At most one report per this interval, except right after a status change (default 30 s). */
  minIntervalMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class LocationReporter {
  private latest: LatLng | null = null;
  /** A fix arrived that has not been sent yet. */
  private unsent = false;
  /** The next report goes out without waiting for the interval (a status change). */
  private urgent = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private inFlight = false;
  private timer: unknown = null;
  private stopped = false;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: LocationReporterOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 30_000;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** A fix from the phone: sent now if the last report is old enough, else once the interval has passed. */
  fix(position: LatLng): void {
    if (this.stopped) return;
    this.latest = position;
    this.unsent = true;
    this.pump();
  }

  /** The team's status changed: report the latest fix at once, whatever the interval. */
  statusChanged(): void {
    if (this.stopped || !this.latest) return;
    this.unsent = true;
    this.urgent = true;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private pump(): void {
    if (!this.unsent || this.inFlight || this.stopped) return;
    if (this.urgent) {
      this.cancelTimer();
      void this.send();
      return;
    }
    if (this.timer !== null) return;
    const wait = this.lastSentAt + this.minIntervalMs - this.now();
    if (wait <= 0) void this.send();
    else
      this.timer = this.setTimer(() => {
        this.timer = null;
        this.pump();
      }, wait);
  }

  private async send(): Promise<void> {
    if (!this.latest || this.inFlight) return;
    this.inFlight = true;
    this.unsent = false;
    this.urgent = false;
    const startedAt = this.now();
    // A failure also counts as a report for the interval: a phone with no signal must not hammer the server.
    this.lastSentAt = startedAt;
    try {
      await this.options.send(this.latest);
      if (!this.stopped) this.options.onSent?.(startedAt);
    } catch (error) {
      if (!this.stopped) {
        this.unsent = true;
        this.options.onFailed?.(error);
      }
    } finally {
      this.inFlight = false;
    }
    this.pump();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
