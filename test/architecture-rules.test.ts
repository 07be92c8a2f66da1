/**
 * The layer rules of .dependency-cruiser.cjs bite: a violation of each, planted in a scratch project
 * laid out like this one, fails the cruise with that rule's name. (A rule that never fails is a comment.)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** Each rule with a file that breaks it (path → source), plus what the planted import needs to resolve. */
const plants: Record<string, Record<string, string>> = {
  'core-is-pure': {
    'src/core/uses-a-package.ts': "import { sql } from 'kysely';\nexport const x = sql;\n",
  },
  'core-no-node-builtins': {
    'src/core/uses-node.ts': "import { createHash } from 'node:crypto';\nexport const x = createHash;\n",
  },
  'directory-depends-only-on-core': {
    'src/directory/uses-store.ts': "import { y } from '../store/thing.js';\nexport const x = y;\n",
    'src/store/thing.ts': 'export const y = 1;\n',
  },
  'directory-knows-no-framework-or-driver': {
    'src/directory/uses-fastify.ts': "import Fastify from 'fastify';\nexport const x = Fastify;\n",
  },
  'store-implements-ports-only': {
    'src/store/uses-a-use-case.ts':
      "import { y } from '../directory/admin/use-case.js';\nexport const x = y;\n",
    'src/directory/admin/use-case.ts': 'export const y = 1;\n',
  },
  'http-does-not-know-store-or-cli': {
    'src/http/uses-store.ts': "import { y } from '../store/thing.js';\nexport const x = y;\n",
    'src/store/thing.ts': 'export const y = 1;\n',
  },
  'nothing-imports-cli': {
    'src/http/uses-cli.ts': "import { y } from '../cli/thing.js';\nexport const x = y;\n",
    'src/cli/thing.ts': 'export const y = 1;\n',
  },
  'production-never-imports-test-support': {
    'src/core/uses-cases.ts': "import { y } from './table.cases.js';\nexport const x = y;\n",
    'src/core/table.cases.ts': 'export const y = 1;\n',
  },
};

describe('the layer rules', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'roster-layers-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  async function cruise(files: Record<string, string>): Promise<string> {
    const project = mkdtempSync(join(scratch, 'p-'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
    );
    writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
    // The packages the planted imports name resolve from the real node_modules.
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
    try {
      const { stdout } = await run(depcruise, ['src', '--config', join(root, '.dependency-cruiser.cjs')], {
        cwd: project,
      });
      return stdout;
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? String(error);
    }
  }

  it.each(Object.entries(plants))('%s refuses its planted violation', async (rule, files) => {
    const output = await cruise(files);
    expect(output).toContain(`error ${rule}:`);
  });

  it('lets clean code through', async () => {
    const output = await cruise({
      'src/core/pure.ts': 'export const pure = 1;\n',
      'src/directory/use-case.ts': "import { pure } from '../core/pure.js';\nexport const x = pure;\n",
      'src/store/adapter.ts': "import type { Port } from '../directory/ports.js';\nexport type X = Port;\n",
      'src/directory/ports.ts': 'export interface Port { readonly a: number }\n',
    });
    expect(output).toContain('no dependency violations found');
  });
});

describe('the use-case rule of eslint.config.js', () => {
  it('refuses a repository reached from the HTTP layer or the CLI, and lets a use case call through', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: root });
    const planted =
      'export const x = (deps: { store: { roles: { list(): void } } }) => deps.store.roles.list();\n';
    for (const filePath of ['src/http/planted.ts', 'src/cli/planted.ts']) {
      const [result] = await eslint.lintText(planted, { filePath: join(root, filePath) });
      expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
    }
    const clean =
      "import { listRoles } from '../directory/roles/list-roles.js';\nexport const x = listRoles;\n";
    const [ok] = await eslint.lintText(clean, { filePath: join(root, 'src/http/planted.ts') });
    expect(ok?.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
  });
});
