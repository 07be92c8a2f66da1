import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'bench/results/**',
      'bin/**',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is pure: no I/O and no Node APIs, so the console can run it in a browser.
      'no-restricted-imports': [
        'error',
        { paths: ['fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process'], patterns: ['node:*'] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    // The HTTP layer and the CLI go through use cases: they never reach a repository themselves.
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...repositoryAccess()],
    },
  },
);

/** `store.<repository>` and `x.store.<repository>`: the repositories of directory/ports/directory-store.ts. */
function repositoryAccess() {
  const repositories =
    '/^(adminKeys|identities|directoryGroups|roles|authPolicies|jwtSigners|signInSessions|remapJobs|installationSecrets|installationSettings|organizations|integrations|scimResources|consoleAccounts|consoleLinks|consoleSessions)$/';
  const message =
    'Go through a use case of src/directory: the HTTP layer and the CLI never read or write a repository themselves.';
  return [
    { selector: `MemberExpression[object.name='store'][property.name=${repositories}]`, message },
    { selector: `MemberExpression[object.property.name='store'][property.name=${repositories}]`, message },
  ];
}
