/**
 * Asks whether sessions are live, one database round trip for all the requests that arrive together (issue 12:
 * under a surge every request's guard asked on its own). A request joins only a check that has not been sent yet:
 * the batch goes out on the next turn of the event loop, after every request in it arrived, so each is answered from
 * the database as it was after its arrival, exactly as an answer of its own would be. Nothing is cached: a logout
 * still refuses the session's next request on every instance.
 */
export type LiveLookup = (
  pairs: { sessionId: string; userId: string }[],
) => Promise<({ expires_at: Date } | undefined)[]>;

interface Waiting {
  sessionId: string;
  userId: string;
  resolve(live: { expires_at: Date } | undefined): void;
  reject(e: unknown): void;
}

const keyOf = (w: Waiting): string => `${w.sessionId} ${w.userId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SessionChecks {
  private waiting: Waiting[] = [];

  constructor(private readonly lookup: LiveLookup) {}

  /** When the session ends, or undefined when it is not live (also for ids that cannot name a session). */
  live(sessionId: string, userId: string): Promise<{ expires_at: Date } | undefined> {
    // A malformed id would fail the batch's cast for everyone in it; it names no session.
    if (!UUID.test(sessionId) || !UUID.test(userId)) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.send());
      this.waiting.push({ sessionId, userId, resolve, reject });
    });
  }

  private async send(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    // Each distinct pair once, in the order first asked.
    const distinct = [...new Map(batch.map((w) => [keyOf(w), w])).values()];
    try {
      const answers = await this.lookup(distinct.map(({ sessionId, userId }) => ({ sessionId, userId })));
      const byKey = new Map(distinct.map((w, i) => [keyOf(w), answers[i]]));
      for (const w of batch) w.resolve(byKey.get(keyOf(w)));
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}
