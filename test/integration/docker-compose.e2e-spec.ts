import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Compose {
  services: Record<
    string,
    {
      build?: unknown;
      image?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      ports?: string[];
      healthcheck?: unknown;
    }
  >;
}

const file = new URL('../../docker-compose.yml', import.meta.url).pathname;
const compose = parse(readFileSync(file, 'utf8')) as Compose;

describe('docker-compose.yml', () => {
  it('runs PostgreSQL and the app built from the Dockerfile, wired by DATABASE_URL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db']);
    expect(compose.services.db.image).toMatch(/^postgres:\d+/);
    expect(compose.services.db.healthcheck).toBeDefined();
    expect(compose.services.app.build).toBe('.');
    expect(existsSync(new URL('../../Dockerfile', import.meta.url).pathname)).toBe(true);
    expect(compose.services.app.environment!.DATABASE_URL).toMatch(/^postgres:\/\/.+@db:5432\/crisis$/);
    expect(compose.services.app.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(compose.services.app.ports).toEqual(['${PORT:-3000}:3000']);
  });

  // CI installs Debian's docker-compose, whose `config` validates the file against the compose schema without an engine.
  const binary = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) => existsSync(p));
  (binary ? it : it.skip)('passes `docker-compose config` (schema validation)', () => {
    const out = execFileSync(binary!, ['-f', file, 'config', '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });
});
