import { verifyAuditChain } from '../audit/audit-chain.repository.js';
import { loadConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { withCommandDatabase } from './command-database.js';
import type { CommandIo } from './regions-import-command.js';

// `npm run audit:verify`: checks the access log's hash chains in the database the server uses (DATABASE_URL, or the
// embedded PostgreSQL under DATA_DIR with the server stopped). Exit 0 intact, 1 a broken link (printed), 2 failure.

export async function runAuditVerify(env: Record<string, string | undefined>, io: CommandIo): Promise<number> {
  const config = loadConfig(env);
  try {
    const report = await withCommandDatabase(
      config,
      (m) => io.err(m),
      (ds) => verifyAuditChain(new Db(ds)),
    );
    const summary = `${report.rows} chained audit rows in ${report.chains} chains${report.unchained ? ` (${report.unchained} rows from before the chain, not covered)` : ''}`;
    if (!report.firstBreak) {
      io.out(`audit chain intact: ${summary}`);
      return 0;
    }
    const b = report.firstBreak;
    io.err(
      `audit chain BROKEN at audit row ${b.id} (${b.at.toISOString()}, chain ${b.chain}): ${b.problem === 'row-changed' ? 'the row was changed after it was written' : 'the link to the previous row of its chain is broken (a row was deleted, inserted or re-hashed)'}`,
    );
    io.err(summary);
    return 1;
  } catch (e) {
    io.err(`audit verification failed: ${(e as Error).message}`);
    return 2;
  }
}
