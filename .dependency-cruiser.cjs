/** The layer arrows from docs/architecture.md, made mechanical: every arrow points toward src/core. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of ours outside itself and no Node built-ins.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { pathNot: '^src/core', dependencyTypesNot: ['npm', 'npm-dev', 'type-only'] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^src/core' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'directory-depends-only-on-core',
      severity: 'error',
      from: { path: '^src/directory' },
      to: { path: '^src/(http|store|cli)' },
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
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
