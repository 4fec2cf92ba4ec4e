import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const SERVICES = ['gateway', 'embed', 'retrieve', 'router', 'generate'];

/*
 * Import boundaries (see docs/architecture.md): domain code depends on ports only, never on an
 * adapter, a transport or a composition root; shared packages never depend on a service.
 */
const domainBoundaries = {
  patterns: [
    {
      group: ['**/adapters/**', '**/grpc/**'],
      message: 'src/domain imports no adapter or transport code: depend on a port.',
    },
    { group: ['**/compose.ts', '**/main.ts'], message: 'src/domain must not import a composition root.' },
    {
      group: [
        '@ragfleet/grpc',
        '@ragfleet/protos',
        '@grpc/*',
        '@nats-io/*',
        'ioredis',
        'mongoose',
        'express',
        'ws',
        'hnswlib-node',
      ],
      message: 'src/domain imports no transport or storage library: put it behind a port in src/adapters.',
    },
  ],
};
const packageBoundaries = {
  patterns: [
    {
      group: ['**/services/**', ...SERVICES.map((service) => `@ragfleet/${service}`)],
      message: 'A package never imports a service: move what both need into a package.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.tools/**', '**/generated/**', 'reports/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The setup bootstrap runs on whatever Node a newcomer has: CommonJS in the oldest syntax.
  {
    files: ['scripts/setup.cjs'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2015 },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-var': 'off' },
  },
  {
    files: ['services/*/src/domain/**/*.ts'],
    // A test beside the domain may compose it with real adapters; the domain itself may not.
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', domainBoundaries] },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', packageBoundaries] },
  },
);
