// Lint, zero warnings (STYLE.md section 9): type-checked typescript-eslint over src/,
// migrations/ and test/, plus the core boundary of STYLE.md section 1 as an import rule.
// `npm run lint` runs `eslint . --max-warnings 0`, so every rule here is an error in effect.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FRAMEWORK = 'src/core is framework-free (STYLE.md section 1).';
const NO_IO = 'src/core does no I/O: the caller reads, fetches and listens (STYLE.md section 1).';
const FRAMEWORKS = ['typeorm', 'fastify', 'undici'].map((name) => ({ name, message: FRAMEWORK }));
const IO = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises', 'node:net', 'net'].map((name) => ({
  name,
  message: NO_IO,
}));
const CORE_PATTERNS = [
  { group: ['@nestjs/*', 'typeorm/*', 'fastify/*', 'undici/*'], message: FRAMEWORK },
  {
    // A relative path that climbs out of src/core into one of our other top-level folders.
    group: ['registry', 'gateway', 'platform', 'cli', 'policies', 'portal'].flatMap((dir) => [
      `**/${dir}`,
      `**/${dir}/*`,
    ]).concat(['**/app.module', '**/bootstrap', '**/main']),
    message: 'src/core imports nothing of ours outside src/core (STYLE.md section 1).',
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/**',
      'scripts/**',
      'test/fixtures/**',
      '.charter/**',
    ],
  },
  {
    // A disable comment that no longer suppresses anything is noise; fail on it.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // ---- TypeScript: src/, migrations/, test/ (one program from tsconfig.json) ----
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // The rules STYLE.md names.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        // A `default:` is a deliberate catch-all (e.g. over `string`), not a missed case;
        // unions without one must still list every member.
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // Nest resolves constructor parameters from emitted decorator metadata, which needs
        // the class as a value import: an `import type` there compiles, then fails at runtime.
        // With type information the rule reads emitDecoratorMetadata from tsconfig.json and
        // leaves files that use decorators alone, so this is safe to autofix.
        // `typeof import('x')` stays allowed: heavy modules are require()d on first use
        // (src/core/document/lazy-modules.ts) so `charter diff` starts fast, and a
        // top-level `import type` of them would read as if they were loaded eagerly.
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { $ref: _ref, ...rest } = node` is how a key is dropped from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  // ---- src/core/**: framework-free, imports nothing of ours outside itself ----
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...FRAMEWORKS, ...IO], patterns: CORE_PATTERNS }],
      // No environment and no clock in core either: config arrives as arguments, `now` is passed.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'src/core reads no environment: take it as an argument.' },
        { object: 'Date', property: 'now', message: 'src/core has no clock: take `now` as an argument.' },
      ],
    },
  },
  {
    // Core specs read fixtures and the corpus from disk and some stand up a local
    // server to prove a ContractSource never fetches: the test does I/O, the code under
    // test does not. Frameworks and our other folders stay forbidden.
    files: ['src/core/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: FRAMEWORKS, patterns: CORE_PATTERNS }],
      'no-restricted-properties': 'off',
    },
  },

  // ---- Specs and test support: relaxed where tests poke at untyped results ----
  {
    files: ['**/*.spec.ts', '**/*.db-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(obj.method).toHaveBeenCalled() and friends pass methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Stubs implement Promise-returning interfaces (ContractSource.read, usage sinks)
      // with `async` bodies that have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // ---- Plain CommonJS config/shim files at the root and in test/support ----
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['src/portal/public/**'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { eqeqeq: ['error', 'always'], curly: ['error', 'all'] },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },

  // ---- The portal: browser ES modules served as-is, no build step ----
  {
    files: ['src/portal/public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
    rules: { eqeqeq: ['error', 'always'], curly: ['error', 'all'] },
  },
);
