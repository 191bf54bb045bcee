import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/errors.js';
import { loadConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { UnitOfWork } from '../database/tx.js';
import { RegionsService, type ImportOptions } from '../regions/regions.service.js';
import { withCommandDatabase } from './command-database.js';

// `npm run regions:import -- file.geojson --name-property name_eng --code-property code`: the same import as
// POST /regions/import (same parser, same upsert by code, same audit row), against the same database the server
// uses: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop the server first: one process owns it).

export const USAGE = `usage: npm run regions:import -- <file.geojson> [--name-property name] [--code-property code]
                              [--name-ko-property p] [--population-property p]`;

const CLI_ACTOR: Actor = { userId: null, username: 'cli:regions-import', role: 'system', ip: null, userAgent: null };

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export function parseImportArgs(argv: string[]): { file: string; options: ImportOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'name-property': { type: 'string', default: 'name' },
      'code-property': { type: 'string', default: 'code' },
      'name-ko-property': { type: 'string' },
      'population-property': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error(`expected one GeoJSON file, got ${positionals.length}\n${USAGE}`);
  const options: ImportOptions = { nameProperty: values['name-property'], codeProperty: values['code-property'] };
  if (values['name-ko-property']) options.nameKoProperty = values['name-ko-property'];
  if (values['population-property']) options.populationProperty = values['population-property'];
  return { file: positionals[0], options };
}

/** Runs the import; returns the process exit code (0 ok, 1 refused input or failure, 2 bad usage). */
export async function runRegionsImport(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
): Promise<number> {
  let args: ReturnType<typeof parseImportArgs>;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  let body: unknown;
  try {
    body = JSON.parse(await readFile(args.file, 'utf8'));
  } catch (e) {
    io.err(`cannot read ${args.file}: ${(e as Error).message}`);
    return 1;
  }

  const config = loadConfig(env);
  try {
    const result = await withCommandDatabase(
      config,
      (m) => io.err(m),
      (ds) => new RegionsService(new Db(ds), new UnitOfWork(ds)).import(CLI_ACTOR, body, args.options),
    );
    io.out(
      `regions imported from ${args.file}: ${result.created} created, ${result.updated} updated (${result.total} total)`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      io.err(`refused: ${e.message}`);
      for (const d of e.details ?? []) io.err(`  ${d.field}: ${d.message}`);
    } else {
      const message = (e as Error).message;
      // One PostgreSQL owns a data folder: the likely cause when the embedded start fails on a lock.
      const hint =
        !config.databaseUrl && /lock|postmaster|already|in use/i.test(message)
          ? ' (stop the server using this DATA_DIR first)'
          : '';
      io.err(`import failed: ${message}${hint}`);
    }
    return 1;
  }
}
