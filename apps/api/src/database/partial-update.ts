// The SQL of PATCH routes, shared by the repositories of the tables they change (agency, team).

/** A table or column name as the repositories write it; anything else is refused before it can reach SQL. */
const SQL_NAME = /^[a-z][a-z0-9_]*$/;

function sqlName(name: string): string {
  if (!SQL_NAME.test(name)) throw new Error(`not a table or column name: ${name}`);
  return name;
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * `UPDATE <table> SET <column> = $n, … WHERE id = $1` setting only the columns given a value: an
 * `undefined` value keeps what is stored, `null` stores NULL. `values` names every listed column (the compiler
 * checks it), so a column added to the list cannot be left unmapped and silently never written. Only the columns listed in `columns` (a fixed list in
 * the repository's code) can be set, whatever else `values` holds, and every value travels as a parameter.
 */
export function updateGivenColumns<C extends string>(
  table: string,
  columns: readonly C[],
  id: string,
  values: Readonly<Record<C, unknown>>,
): Statement {
  const params: unknown[] = [id];
  const set: string[] = [];
  for (const column of columns) {
    const value = values[column];
    if (value === undefined) continue;
    params.push(value);
    set.push(`${sqlName(column)} = $${params.length}`);
  }
  // The PATCH schemas ask for at least one field, so an update that gives none is a caller's bug.
  if (set.length === 0) throw new Error(`an update of ${table} that gives no column`);
  return { text: `UPDATE ${sqlName(table)} SET ${set.join(', ')} WHERE id = $1`, params };
}
