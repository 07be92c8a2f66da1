/**
 * The layer arrows from docs/architecture.md, made mechanical: every arrow points toward src/core.
 * Type-only imports count as imports: a layer that names another's types depends on it.
 * test/architecture-rules.test.ts plants a violation of each rule and checks that this file refuses it.
 */
// Test support beside the code it tests: case tables, fixtures, generators, printers (kept out of dist).
const SUPPORT = '\\.(test|cases|fixtures|arbitrary|support)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing outside itself: no package, no layer of ours, not even a type.',
      severity: 'error',
      from: { path: '^src/core', pathNot: SUPPORT },
      to: { pathNot: '^src/core' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^src/core', pathNot: SUPPORT },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'directory-depends-only-on-core',
      severity: 'error',
      from: { path: '^src/directory' },
      to: { path: '^src/(http|store|cli)' },
    },
    {
      name: 'directory-knows-no-framework-or-driver',
      comment: 'The domain and its use cases are written against ports, never against Fastify or SQL.',
      severity: 'error',
      from: { path: '^src/directory', pathNot: SUPPORT },
      to: { path: 'node_modules/(fastify|@fastify|kysely|pg|better-sqlite3|pino|commander|typebox)/' },
    },
    {
      name: 'store-implements-ports-only',
      comment: 'The store sees the ports and the domain model, never a use case.',
      severity: 'error',
      from: { path: '^src/store' },
      to: { path: '^src/directory/', pathNot: '^src/directory/(ports|model)(/|\\.ts$)' },
    },
    {
      name: 'store-does-not-know-http-or-cli',
      severity: 'error',
      from: { path: '^src/store' },
      to: { path: '^src/(http|cli)' },
    },
    {
      name: 'http-does-not-know-store-or-cli',
      severity: 'error',
      from: { path: '^src/http' },
      to: { path: '^src/(store|cli)' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      // The slash keeps src/client (the app's client) apart from src/cli.
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'client-stands-alone',
      comment:
        'src/client is what apps import (roster/client): the generated API types and openapi-fetch only.',
      severity: 'error',
      from: { path: '^src/client' },
      to: { path: '^src/(core|directory|http|store|cli)/' },
    },
    {
      name: 'server-does-not-use-the-client',
      severity: 'error',
      from: { path: '^src/(core|directory|http|store|cli)/' },
      to: { path: '^src/client' },
    },
    {
      name: 'production-never-imports-test-support',
      severity: 'error',
      from: { path: '^src/', pathNot: SUPPORT },
      to: { path: SUPPORT },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
