import type { Queryable } from '../database/db.js';

export interface ChainBreak {
  id: string;
  chain: string;
  at: Date;
  /** `row-changed`: the row's content no longer gives its hash. `link-broken`: the row before it in its chain was
   *  deleted, inserted or re-hashed (its prev_hash is not the hash of the chain's previous row). */
  problem: 'row-changed' | 'link-broken';
}

export interface ChainReport {
  rows: number;
  chains: number;
  /** Rows written before the chain existed (the security migration), which no hash covers. */
  unchained: number;
  firstBreak: ChainBreak | null;
}

/**
 * Recomputes every chained audit row's hash (audit_row_hash, the same function the insert trigger uses) and checks
 * each row's prev_hash against the hash of the row before it in its chain; returns the first broken link by id.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  const counts = await db.one<{ rows: string; chains: string; unchained: string }>(
    `SELECT count(*) FILTER (WHERE chain IS NOT NULL) AS rows, count(DISTINCT chain) AS chains, count(*) FILTER (WHERE chain IS NULL) AS unchained FROM audit`,
  );
  const first = await db.one<ChainBreak>(
    `WITH c AS (
       SELECT a.id, a.chain, a.at, a.prev_hash, a.hash, audit_row_hash(a.prev_hash, a) AS expected,
              lag(a.hash) OVER (PARTITION BY a.chain ORDER BY a.id) AS prev_actual
       FROM audit a WHERE a.chain IS NOT NULL)
     SELECT id, chain, at, CASE WHEN hash IS DISTINCT FROM expected THEN 'row-changed' ELSE 'link-broken' END AS problem
     FROM c WHERE hash IS DISTINCT FROM expected OR prev_hash IS DISTINCT FROM prev_actual
     ORDER BY id LIMIT 1`,
  );
  return {
    rows: Number(counts!.rows),
    chains: Number(counts!.chains),
    unchained: Number(counts!.unchained),
    firstBreak: first ?? null,
  };
}
