import pg from 'pg';
import { toDomainError } from '../common/http-exception.filter.js';
import { databaseUnavailable } from './unavailable.js';

const answered = (code: string, message = 'refused'): pg.DatabaseError =>
  Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });

describe('a database that could not be reached', () => {
  it('is told apart from a statement the database refused', () => {
    for (const e of [
      answered('57P01', 'terminating connection due to administrator command'),
      answered('57P03', 'the database system is starting up'),
      answered('08006'),
      answered('53300', 'sorry, too many clients already'),
      Object.assign(answered('55000', 'database "crisis" is not currently accepting connections'), {
        severity: 'FATAL',
      }),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ])
      expect([e.message, databaseUnavailable(e)]).toEqual([e.message, true]);
    for (const e of [
      answered('23505', 'duplicate key value violates unique constraint'),
      answered('40P01', 'deadlock detected'),
      answered('57014', 'canceling statement due to statement timeout'),
      new Error('boom'),
      undefined,
      'text',
    ])
      expect(databaseUnavailable(e)).toBe(false);
  });

  it('answers 503 with a time to wait, and anything else unknown stays a 500', () => {
    const lost = toDomainError(new Error('Connection terminated unexpectedly'));
    expect([lost.code, lost.retryAfterSeconds]).toEqual(['SERVICE_UNAVAILABLE', 5]);
    expect(toDomainError(answered('57P01')).code).toBe('SERVICE_UNAVAILABLE');
    expect(toDomainError(answered('23505')).code).toBe('INTERNAL');
  });
});
