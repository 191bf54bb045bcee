import 'reflect-metadata';
import { runAuditVerify } from './audit-verify-command.js';

// Entry point of `npm run audit:verify`; the work is in audit-verify-command.ts so tests can run it in-process.
runAuditVerify(process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
  .then((code) => process.exit(code))
  .catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });
