// Inactivity bookkeeping without the DOM: the hook feeds it input events and asks how long is left.
export class IdleClock {
  private last: number;

  constructor(
    private readonly timeoutMs: number,
    now: number,
  ) {
    this.last = now;
  }

  touch(now: number): void {
    this.last = Math.max(this.last, now);
  }

  remainingMs(now: number): number {
    return Math.max(0, this.timeoutMs - (now - this.last));
  }

  expired(now: number): boolean {
    return this.remainingMs(now) === 0;
  }
}
