// ESLint flat config. Type-aware rules need a TypeScript program per file: the project service finds the nearest
// tsconfig.json (root for apps/api, libs and test; apps/console/tsconfig.json for the console), so the linter
// checks exactly what `npm run typecheck` compiles.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, installed packages and generated reports; nothing here is written by hand.
    ignores: ['dist/', 'coverage/', 'bench/results/', 'test/browser/artifacts/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // The Vite config is compiled by Vite, not by either tsconfig; lint it with default compiler options.
          allowDefaultProject: ['apps/console/vite.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The four the team relies on, stated so that a preset change cannot drop them.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // As the compiler's noUnusedParameters: a leading underscore marks a parameter a signature requires; an
      // object rest that leaves a property out is how the code drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.e2e-spec.ts'],
    rules: {
      // Jest's asymmetric matchers (expect.any, expect.stringMatching, expect.objectContaining) are typed `any`;
      // putting one in an expected object is what they are for.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // A fake of a promise-returning port is written `async` so that it keeps the contract (a throw becomes a
      // rejection, as from the real thing) even when it has nothing to wait for.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    rules: {
      // The preset only warns here; a warning does not fail `npm test`, and a stale dependency list is a real bug.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript config and Jest setup files: no TypeScript program, so no type-aware rules.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
