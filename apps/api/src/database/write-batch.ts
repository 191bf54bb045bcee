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

/** A transaction's ends, pipelined with the statements next to them (tx.ts, group-commit.ts). */
export const BEGIN: Statement = { sql: 'BEGIN', params: [] };
export const COMMIT: Statement = { sql: 'COMMIT', params: [] };

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
