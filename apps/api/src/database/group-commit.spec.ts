import pg from 'pg';
import { answeredByPostgres } from './group-commit.js';

describe("a group's failed commit", () => {
  it('is run again only when PostgreSQL answered it, never after a lost connection', () => {
    const refused = new pg.DatabaseError('deadlock detected', 0, 'error');
    refused.code = '40P01';
    expect(answeredByPostgres(refused)).toBe(true);
    // A socket's failures carry a `code` too, but whether the COMMIT took effect is unknown after them.
    for (const code of ['ECONNRESET', 'EPIPE'])
      expect(answeredByPostgres(Object.assign(new Error(`write ${code}`), { code }))).toBe(false);
    expect(answeredByPostgres(new Error('Connection terminated unexpectedly'))).toBe(false);
    // PostgreSQL's own notice that it ended the session (pg_terminate_backend, a fast shutdown) may follow a COMMIT
    // that took effect.
    for (const code of ['57P01', '57P02', '08006']) {
      const ended = new pg.DatabaseError('terminating connection due to administrator command', 0, 'error');
      ended.code = code;
      expect(answeredByPostgres(ended)).toBe(false);
    }
  });
});
