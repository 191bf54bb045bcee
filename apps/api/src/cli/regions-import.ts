import 'reflect-metadata';
import { ConfigError } from '../config/config.js';
import { runRegionsImport } from './regions-import-command.js';

// Entry point of `npm run regions:import`; the work is in regions-import-command.ts so tests can run it in-process.
runRegionsImport(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
  .then((code) => process.exit(code))
  .catch((e: Error) => {
    process.stderr.write(`${e instanceof ConfigError ? 'configuration: ' : ''}${e.message}\n`);
    process.exit(e instanceof ConfigError ? 2 : 1);
  });
