// When to renew the access token, without the DOM or fetch: the provider feeds it the token's lifetime and the
// operator's input, and it calls `refresh` at the right moment. Tokens live 15 minutes; an operator who keeps
// working is never logged out by that, and one who walked away is not kept signed in by it either.

export interface TokenRefreshOptions<R extends { expiresIn: number }> {
  /** POST /auth/refresh; resolves with the new LoginResponse (its `expiresIn` is in seconds). */
  refresh: () => Promise<R>;
  /** The new token is ready: store it and hand it to the socket. Not called after `stop()`. */
  onRefreshed: (response: R) => void;
  /** A refusal that retrying cannot fix (401: the session is over). Other failures are retried. */
  isFatal?: (error: unknown) => boolean;
  /** Renew without waiting for input (roles that must stay connected while untouched: see idle-policy.ts). */
  keepAlive?: boolean;
  /** How long before expiry to renew (default 2 minutes). */
  leadMs?: number;
  /** Wait before retrying a failed refresh (network trouble, 5xx); default 15 s. */
  retryMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export type RefreshState = 'idle' | 'scheduled' | 'waiting-for-activity' | 'refreshing' | 'stopped';

/**
 * Renews the token about `leadMs` before it expires, provided the operator has touched the console since the
 * token was issued. If they have not, it waits: the next input before expiry renews at once; none lets the token
 * lapse, and the server's 401 ends the session (idle logoff normally gets there first).
 */
export class TokenRefreshScheduler<R extends { expiresIn: number }> {
  private issuedAt = 0;
  private expiresAt = 0;
  private lastActivityAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private current: RefreshState = 'idle';
  private readonly leadMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: TokenRefreshOptions<R>) {
    this.leadMs = options.leadMs ?? 120_000;
    this.retryMs = options.retryMs ?? 15_000;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get state(): RefreshState {
    return this.current;
  }

  /** When the next refresh is planned (epoch ms), for tests and diagnostics. */
  dueAt(): number {
    const lifetime = this.expiresAt - this.issuedAt;
    // A short-lived token (tests, a misconfigured server) is renewed half-way rather than before it was issued.
    return Math.max(this.issuedAt + lifetime / 2, this.expiresAt - this.leadMs);
  }

  /** A token valid until `expiresAt` (epoch ms) is in use from now on. */
  start(expiresAt: number): void {
    if (this.current === 'stopped') return;
    this.cancelTimer();
    this.issuedAt = this.now();
    this.expiresAt = expiresAt;
    this.current = 'scheduled';
    this.timer = this.setTimer(() => this.due(), Math.max(0, this.dueAt() - this.issuedAt));
  }

  /** The operator did something (any input event). */
  activity(at: number = this.now()): void {
    if (at > this.lastActivityAt) this.lastActivityAt = at;
    if (this.current === 'waiting-for-activity' && at < this.expiresAt) void this.run();
  }

  stop(): void {
    this.cancelTimer();
    this.current = 'stopped';
  }

  private due(): void {
    this.timer = null;
    if (this.current !== 'scheduled') return;
    if (this.options.keepAlive || this.lastActivityAt > this.issuedAt) void this.run();
    else this.current = 'waiting-for-activity';
  }

  private async run(): Promise<void> {
    if (this.current === 'refreshing' || this.current === 'stopped') return;
    this.cancelTimer();
    this.current = 'refreshing';
    let response: R;
    try {
      response = await this.options.refresh();
    } catch (error) {
      if (this.isStopped()) return;
      const retryAt = this.now() + this.retryMs;
      if (this.options.isFatal?.(error) || retryAt >= this.expiresAt) {
        this.current = 'stopped';
        return;
      }
      this.current = 'scheduled';
      this.timer = this.setTimer(() => {
        this.timer = null;
        void this.run();
      }, this.retryMs);
      return;
    }
    if (this.isStopped()) return;
    this.options.onRefreshed(response);
    this.current = 'idle';
    this.start(this.now() + response.expiresIn * 1000);
  }

  // A method, not an inline comparison: `stop()` may have run while the request was in flight.
  private isStopped(): boolean {
    return this.current === 'stopped';
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
