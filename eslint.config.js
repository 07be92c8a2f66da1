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
);
