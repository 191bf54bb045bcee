import { DomainError } from '../common/errors.js';

/**
 * One request to the provider at a time, at least `minIntervalMs` apart (Nominatim's usage policy: a single thread,
 * at most one request a second for the whole application). A few searches may wait their turn; more are refused
 * with 429 at once rather than queued behind a slow provider while a counselor is on the phone.
 */
export class RequestSpacer {
  private tail: Promise<unknown> = Promise.resolve();
  private nextAt = 0;
  private waiting = 0;

  constructor(
    private readonly minIntervalMs: number,
    private readonly maxWaiting = 4,
  ) {}

  run<T>(request: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) {
      throw new DomainError('RATE_LIMITED', 'Too many address searches at once; try again shortly', undefined, 2);
    }
    this.waiting++;
    const turn = this.tail.then(async () => {
      const wait = this.nextAt - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.waiting--;
      this.nextAt = Date.now() + this.minIntervalMs;
      return request();
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** The provider asked for a pause (429 with Retry-After): nothing goes out before it ends. */
  pause(ms: number): void {
    this.nextAt = Math.max(this.nextAt, Date.now() + ms);
  }
}
