import { combineWrites } from './write-batch.js';

describe('combineWrites', () => {
  it('puts writes to different tables in one statement and numbers their parameters on', () => {
    const [only, ...rest] = combineWrites([
      { table: 'timer', sql: 'INSERT INTO timer (a, b) VALUES ($1, $2)', params: [1, 2] },
      { table: 'timeline', sql: 'INSERT INTO timeline (a) VALUES ($1::jsonb)', params: ['{}'] },
      { table: 'audit', sql: 'INSERT INTO audit (a, b) VALUES ($1, $2), ($3, $2)', params: ['x', 'y', 'z'] },
    ]);
    expect(rest).toEqual([]);
    expect(only.sql).toBe(
      'WITH w0 AS (INSERT INTO timer (a, b) VALUES ($1, $2)),\n' +
        'w1 AS (INSERT INTO timeline (a) VALUES ($3::jsonb)),\n' +
        'w2 AS (INSERT INTO audit (a, b) VALUES ($4, $5), ($6, $5)) SELECT 1',
    );
    expect(only.params).toEqual([1, 2, '{}', 'x', 'y', 'z']);
  });

  it('starts a new statement when a table comes again, so its writes keep their order', () => {
    const statements = combineWrites([
      { table: 'timeline', sql: 'INSERT INTO timeline VALUES ($1)', params: ['first'] },
      { table: 'timer', sql: 'INSERT INTO timer VALUES ($1)', params: ['t'] },
      { table: 'timeline', sql: 'INSERT INTO timeline VALUES ($1)', params: ['second'] },
    ]);
    expect(statements.map((s) => s.params)).toEqual([['first', 't'], ['second']]);
    expect(statements[1].sql).toBe('INSERT INTO timeline VALUES ($1)');
  });

  it('runs a lone write as it is', () => {
    expect(combineWrites([{ table: 'audit', sql: 'INSERT INTO audit VALUES ($1)', params: [1] }])).toEqual([
      { sql: 'INSERT INTO audit VALUES ($1)', params: [1] },
    ]);
    expect(combineWrites([])).toEqual([]);
  });
});
