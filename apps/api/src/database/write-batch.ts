import { createRequire } from 'node:module';

/**
 * Writes a unit of work queues instead of running at once (`Tx.later`, audit rows): nothing in the transaction reads
 * their result, so they can travel to PostgreSQL together, as data-modifying WITH queries of one statement, right
 * before the next statement that could read them (issue 12: every round trip costs both processes CPU).
 */
export interface QueuedWrite {
  /** The one table the statement writes. Two writes to one table never share a statement: the parts of one
   *  statement see the same snapshot and run in no set order, so a second write to a table (another timeline entry,
   *  an upsert of the same timer) could not see or follow the first. */
  table: string;
  /** One INSERT, UPDATE or DELETE with parameters $1…$n, without a WITH clause of its own. */
  sql: string;
  params: unknown[];
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The fewest statements that run `writes` in their order, each table at most once per statement. */
export function combineWrites(writes: QueuedWrite[]): Statement[] {
  const groups: QueuedWrite[][] = [];
  for (const w of writes) {
    const last = groups[groups.length - 1];
    if (last && !last.some((g) => g.table === w.table)) last.push(w);
    else groups.push([w]);
  }
  return groups.map(toStatement);
}

function toStatement(group: QueuedWrite[]): Statement {
  if (group.length === 1) return { sql: group[0].sql, params: group[0].params };
  const params: unknown[] = [];
  const parts = group.map((w, i) => {
    const offset = params.length;
    params.push(...w.params);
    return `w${i} AS (${w.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  return { sql: `WITH ${parts.join(',\n')} SELECT 1`, params };
}

// node-postgres's own conversion of a parameter to its text form (arrays to array literals, Dates to ISO text,
// objects to JSON), so a value written inline is the value a parameter would have carried.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(this: void, v: unknown): string | null | Buffer;
};

/**
 * The statement with its parameters written in as quoted literals, for PostgreSQL's simple protocol (several
 * statements in one message, no parameters). `literal` is the driver's quoting (`client.escapeLiteral`). A literal
 * takes its type from its place, as an untyped parameter does: the statements cast where a place does not say.
 */
export function inline(statement: Statement, literal: (text: string) => string): string {
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = prepareValue(statement.params[Number(n) - 1]);
    if (value === null) return 'NULL';
    if (typeof value !== 'string') throw new Error(`Parameter $${n} cannot be written inline`);
    return literal(value);
  });
}
