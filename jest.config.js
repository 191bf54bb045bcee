// Jest runs in ESM mode (Nest 12 is ESM-only): `node --experimental-vm-modules`, .ts treated as ESM, and
// `./x.js` specifiers mapped back to their TypeScript sources. Three projects: pure unit tests, integration
// tests on a real PostgreSQL (embedded unless TEST_DATABASE_URL is set), and browser tests in real Chromium.
import { availableParallelism } from 'node:os';

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^#contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^#triage$': '<rootDir>/libs/triage/src/index.ts',
    '^#geo$': '<rootDir>/libs/geo/src/index.ts',
    '^#dispatch$': '<rootDir>/libs/dispatch/src/index.ts',
    '^#admission$': '<rootDir>/libs/admission/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  rootDir: '.',
  // Integration and browser files start real servers in their hooks; on a 2-core machine running PostgreSQL,
  // Chromium and Jest at once a start can take longer than Jest's 5 s default. (A global option: Jest ignores it
  // inside a project.)
  testTimeout: 30_000,
  // Jest's default is one worker less than the cores: on the 2-core CI machine one worker, so every file ran in turn.
  // Integration and browser files spend most of their time waiting (on PostgreSQL, Chromium, the app's timers and
  // real-time limits), so two files at once nearly halve the time there; each still has its own database.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // How long Jest waits for a worker to end after the last file before it kills it and warns that it "failed to exit
  // gracefully" (default 500 ms). A worker that has run half the suite holds about 2.2 GB; it leaves at once (no handle
  // is left open: its exit handler ran 2 ms after Jest asked), but the system took 540–600 ms more to end the process.
  workerGracefulExitTimeout: 5000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.tsx',
        // The benchmark's own rules (what it reads as held), not its figures: no timing is asserted.
        '<rootDir>/test/bench/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
