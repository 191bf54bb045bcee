import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config.js';
import { startServer } from './server.js';
import { EmbeddedDatabaseError } from './database/embedded-error.js';

// The process entry point: load configuration, start, print first-start credentials once, stop cleanly on SIGTERM.
async function main(): Promise<void> {
  const log = new Logger('Main');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      log.error(`configuration: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const server = await startServer(config);
  if (server.generatedAdminPassword) {
    // Printed once, on the console only: it is never stored in clear and never logged again.
    process.stdout.write(
      `\n  First start: user "admin" created with password: ${server.generatedAdminPassword}\n  Change it after logging in.\n\n`,
    );
  }
  if (server.demoCredentials) {
    const lines = server.demoCredentials.users.map(
      (u) => `    ${u.username.padEnd(12)} ${u.role.padEnd(12)} ${u.note}`,
    );
    process.stdout.write(
      `\n  Demo data loaded. Demo accounts (password "${server.demoCredentials.password}"):\n${lines.join('\n')}\n\n`,
    );
  }
  log.log(`serving on http://localhost:${new URL(server.url).port} (console /, API /api/v1, docs /api/docs)`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: finishing requests and stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server
      .close()
      .then(() => process.exit(0))
      .catch((e: Error) => {
        log.error(`shutdown failed: ${e.message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// A closed terminal or pipe must not crash the server mid-shutdown and orphan the embedded database.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

main().catch((e: unknown) => {
  // An embedded-database failure is already one sentence with its fix; a stack trace would only bury it.
  const told = e instanceof EmbeddedDatabaseError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  new Logger('Main').error(`start failed: ${told}`);
  process.exit(1);
});
