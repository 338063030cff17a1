// @ts-check
/**
 * Typed lint for src/, scripts/ and test/: a moderate set of rules that catch bugs the type
 * check does not (promises left floating or passed where a callback is expected, loose
 * equality, unused names), not a style guide — prettier formats. Import cycles between folders
 * and unused exports are checked by test/import-graph.test.ts and test/unused-exports.test.ts.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test/output/', 'test/fixtures/', '.astro/', 'public/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `import('…').Type` in an annotation is allowed: a few files name one type from a module they never load.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `== null` tests null and undefined at once, on purpose; everywhere else strict equality.
      eqeqeq: ['error', 'smart'],
      'prefer-const': 'error',
      'no-var': 'error',
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-unreachable': 'error',
      'no-fallthrough': 'error',
    },
  },
  {
    // A value kept only to derive its type from (`DEAL_STATUSES`); to go when the record types are described once.
    files: ['src/core/records.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|DEAL_STATUSES$)', caughtErrors: 'none' }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
