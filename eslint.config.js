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
    // Request keys never index plain objects (issue 14): a lookup table written as an object literal
    // answers "constructor" or "toString" from Object.prototype, and `key in object` does too.
    files: ['src/**/*.ts'],
    ignores: ['**/*.{test,cases,fixtures,arbitrary,support}.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...prototypeLookups()],
    },
  },
  {
    // The HTTP layer and the CLI go through use cases: they never reach a repository themselves.
    files: ['src/http/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...repositoryAccess(), ...prototypeLookups()],
    },
  },
);

/**
 * Module-level `Record<string, …>` tables built from object literals, and `key in object` with a key that
 * is not a literal: both find Object.prototype's members for keys such as "constructor". Use a Map,
 * `Object.create(null)` or `Object.hasOwn`. test/scim-fuzz-prototype-keys.test.ts sends such keys everywhere.
 */
function prototypeLookups() {
  const table =
    'Use a Map (or Object.hasOwn): a lookup table in an object literal answers "constructor", "toString", … from Object.prototype.';
  const lookupTable = (prefix) =>
    `${prefix}VariableDeclaration > VariableDeclarator[init.type='ObjectExpression'] > Identifier > TSTypeAnnotation TSTypeReference[typeName.name='Record'][typeArguments.params.0.type='TSStringKeyword']`;
  return [
    { selector: lookupTable('Program > '), message: table },
    { selector: lookupTable('Program > ExportNamedDeclaration > '), message: table },
    {
      selector: "BinaryExpression[operator='in'][left.type!='Literal']",
      message: 'Use Object.hasOwn(object, key): `key in object` also finds Object.prototype members.',
    },
  ];
}

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
