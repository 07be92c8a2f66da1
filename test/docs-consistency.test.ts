import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/cli/config.js';
import { rosterProgram } from '../src/cli/program.js';
import { scimErrorCatalogue } from '../src/core/errors.js';
import { directoryErrorCatalogue } from '../src/directory/directory-error.js';
import { adminErrorCodes } from '../src/http/admin/admin-api-error.js';
import { ensureDefaultOrganization } from '../src/directory/organizations/ensure-default-organization.js';
import { buildApp } from '../src/http/build-app.js';
import { directoryStore } from '../src/store/directory-store.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { ids, TestClock, testCapabilities, testEngines, testScimSettings } from './support/roster-harness.js';
import type { TestDatabase } from './support/test-engines.js';

/**
 * The README and docs/*.md are checked against the code: their tables must render (GitHub turns a
 * broken table into plain text without a word), and every command, variable and route they name must
 * exist; the README's command and configuration tables must list every command and variable there is.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

interface Line {
  readonly number: number;
  readonly text: string;
  readonly inCode: boolean;
}

function linesOf(text: string): Line[] {
  let inCode = false;
  return text.split('\n').map((line, index) => {
    const fence = /^\s*```/.test(line);
    if (fence) inCode = !inCode;
    return { number: index + 1, text: line, inCode: inCode || fence };
  });
}

/** GFM table cells: split on pipes that are not escaped (`\|` is a pipe inside a cell). */
function cellsOf(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|'));
}

interface Table {
  readonly path: string;
  readonly line: number;
  readonly header: string[];
  readonly rows: { readonly line: number; readonly cells: string[] }[];
}

/** Every block of `|` lines outside code, with the problems that stop it rendering as a table. */
function tablesOf(path: string, text: string): { tables: Table[]; problems: string[] } {
  const tables: Table[] = [];
  const problems: string[] = [];
  const lines = linesOf(text);
  let previousBlockWasTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.inCode || !line.text.trimStart().startsWith('|')) {
      if (line && line.text.trim() !== '') previousBlockWasTable = false;
      continue;
    }
    const block: Line[] = [];
    while (lines[i]?.text.trimStart().startsWith('|') && !lines[i]?.inCode) block.push(lines[i++] as Line);
    i--;
    const [head, delimiter, ...body] = block;
    if (!head) continue;
    const isDelimiter =
      delimiter !== undefined && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(delimiter.text);
    if (!isDelimiter) {
      problems.push(
        previousBlockWasTable
          ? `${path}:${head.number}: table rows after a blank line: the table above ends there and these render as text`
          : `${path}:${head.number}: rows without a header delimiter line (| --- |): this renders as text`,
      );
      previousBlockWasTable = false;
      continue;
    }
    const header = cellsOf(head.text);
    const delimiterCells = cellsOf(delimiter.text);
    if (delimiterCells.length !== header.length) {
      problems.push(
        `${path}:${delimiter.number}: the delimiter line has ${delimiterCells.length} cells, the header ${header.length}`,
      );
    }
    const rows = body.map((row) => ({ line: row.number, cells: cellsOf(row.text) }));
    for (const row of rows) {
      if (row.cells.length !== header.length) {
        problems.push(
          `${path}:${row.line}: ${row.cells.length} cells in a table of ${header.length} columns`,
        );
      }
    }
    tables.push({ path, line: head.number, header, rows });
    previousBlockWasTable = true;
  }
  return { tables, problems };
}

/** The text of every inline code span and code block: where commands, variables and routes are named. */
function codeOf(text: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  for (const line of linesOf(text)) {
    if (line.inCode) {
      found.push({ line: line.number, code: line.text });
      continue;
    }
    // Inside a table cell an escaped pipe is part of the code.
    for (const match of line.text.matchAll(/`([^`]+)`/g)) {
      found.push({ line: line.number, code: (match[1] ?? '').replaceAll('\\|', '|') });
    }
  }
  return found;
}

/** `roster a b|c` → [["a","b"],["a","c"]]: the command paths a mention names (words, not options). */
function commandMentions(code: string): string[][] {
  const paths: string[][] = [];
  for (const match of code.matchAll(
    /(?:^|[\s(/])roster ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*(?:\|[a-z][a-z-]*)*)?)/g,
  )) {
    const [first = '', second] = (match[1] ?? '').split(' ');
    if (second === undefined) paths.push([first]);
    else for (const alternative of second.split('|')) paths.push([first, alternative]);
  }
  return paths;
}

/** Every command path of the CLI, from the commander tree itself (built, never run). */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length === 0 ? [path] : [path, ...commandPaths(sub, path)];
  });
}

const program = rosterProgram(() => {
  throw new Error('the docs check never runs a command');
});
const allCommands = commandPaths(program);
const known = new Set(allCommands.map((path) => path.join(' ')));
const leafCommands = allCommands.filter(
  (path) =>
    !allCommands.some(
      (other) => other.length > path.length && other.join(' ').startsWith(`${path.join(' ')} `),
    ),
);

/** The variables loadConfig reads, observed rather than grepped. */
const configVariables = new Set<string>();
loadConfig(
  new Proxy<Record<string, string | undefined>>(
    {},
    {
      get(_target, name) {
        if (typeof name === 'string') configVariables.add(name);
        return undefined;
      },
    },
  ),
);
// The suite's own switch (test/support/test-engines.ts), which the README's development notes explain.
const testVariables = new Set(['ROSTER_TEST_POSTGRES_URL']);

const readme = documents.find((d) => d.path === 'README.md')?.text ?? '';
const readmeTables = tablesOf('README.md', readme).tables;

describe('README.md and docs/*.md', () => {
  it('keep the Quick start at exactly two commands: install and start, and test', () => {
    const section = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
    expect(blocks).toEqual(['npm install && npm start', 'npm test']);
  });

  it('hold only tables that render: a header, its delimiter line, and rows of the same width', () => {
    expect(documents.flatMap((d) => tablesOf(d.path, d.text).problems)).toEqual([]);
  });

  it('name only `roster` commands the CLI has', () => {
    const unknown = documents.flatMap((d) =>
      codeOf(d.text).flatMap(({ line, code }) =>
        commandMentions(code)
          .filter((path) => !known.has(path.join(' ')))
          // A second word that is not a subcommand is an argument (`roster identity show <id>`'s id).
          .filter(
            (path) => !(path.length === 2 && known.has(path[0] ?? '') && !hasSubcommands(path[0] ?? '')),
          )
          .map((path) => `${d.path}:${line}: roster ${path.join(' ')}`),
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('name only ROSTER_* variables the configuration reads', () => {
    const unknown = documents.flatMap((d) =>
      [...d.text.matchAll(/\bROSTER_[A-Z0-9_]+\b/g)]
        .map((m) => m[0])
        .filter((name) => !configVariables.has(name) && !testVariables.has(name))
        .map((name) => `${d.path}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it("list every command in the README's command table", () => {
    const table = readmeTables.find((t) => t.header[0] === 'command');
    expect(table, 'the README has a table whose first column is "command"').toBeDefined();
    const listed = new Set(
      (table?.rows ?? []).flatMap((row) =>
        [...(row.cells[0] ?? '').matchAll(/`([^`]+)`/g)].flatMap((m) =>
          commandMentions(m[1] ?? '').map((p) => p.join(' ')),
        ),
      ),
    );
    const missing = leafCommands.map((path) => path.join(' ')).filter((path) => !listed.has(path));
    expect(missing).toEqual([]);
  });

  it("list every variable the configuration reads in the README's configuration table", () => {
    const table = readmeTables.find((t) => t.header[0] === 'variable');
    const listed = new Set(
      (table?.rows ?? []).flatMap((row) =>
        [...(row.cells[0] ?? '').matchAll(/ROSTER_[A-Z0-9_]+/g)].map((m) => m[0]),
      ),
    );
    expect([...configVariables].filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('docs/errors.md', () => {
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.(test|cases|fixtures|arbitrary|support)\.ts$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(join(root, 'src', f), 'utf8') }));
  const errorsSource = sources.find((s) => s.file === join('core', 'errors.ts'))?.text ?? '';

  it('lists every code of the SCIM error catalogue, with its status and scimType, and no other', () => {
    const text = documents.find((d) => d.path === 'docs/errors.md')?.text ?? '';
    const table = tablesOf('docs/errors.md', text).tables.find((t) => t.header[2] === 'code');
    const rows = new Map(
      (table?.rows ?? []).map((row) => [
        (row.cells[2] ?? '').replaceAll('`', ''),
        { status: row.cells[0] ?? '', scimType: (row.cells[1] ?? '').replaceAll('`', '') },
      ]),
    );
    const catalogue = Object.entries(scimErrorCatalogue).map(([code, entry]) => ({
      code,
      status: String(entry.status),
      scimType: 'scimType' in entry ? entry.scimType : '–',
    }));
    expect(catalogue.length).toBeGreaterThan(10);
    expect({
      unlisted: catalogue.filter((e) => !rows.has(e.code)).map((e) => e.code),
      stale: [...rows.keys()].filter((code) => !(code in scimErrorCatalogue)),
      different: catalogue
        .filter((e) => rows.has(e.code))
        .filter((e) => rows.get(e.code)?.status !== e.status || rows.get(e.code)?.scimType !== e.scimType)
        .map(
          (e) =>
            `${e.code}: docs say ${JSON.stringify(rows.get(e.code))}, the catalogue ${e.status} ${e.scimType}`,
        ),
    }).toEqual({ unlisted: [], stale: [], different: [] });
  });

  it('has no error class that nothing raises', () => {
    const classes = [...errorsSource.matchAll(/export class (\w+) extends ScimError/g)].map(
      (m) => m[1] ?? '',
    );
    expect(classes.length).toBeGreaterThan(10);
    const unused = classes.filter(
      (name) => !sources.some((s) => s.file !== join('core', 'errors.ts') && s.text.includes(`new ${name}(`)),
    );
    expect(unused).toEqual([]);
  });

  it('lists every directory error code with its family and admin API status, and no other', () => {
    const text = documents.find((d) => d.path === 'docs/errors.md')?.text ?? '';
    const table = tablesOf('docs/errors.md', text).tables.find((t) => t.header[1] === 'family');
    const rows = new Map(
      (table?.rows ?? []).map((row) => [
        (row.cells[0] ?? '').replaceAll('`', ''),
        (row.cells[1] ?? '').replaceAll('`', ''),
      ]),
    );
    expect(Object.fromEntries(rows)).toEqual({ ...directoryErrorCatalogue });
  });

  it('the admin API error codes docs/admin-api.md lists are exactly the codes its errors carry', () => {
    const text = documents.find((d) => d.path === 'docs/admin-api.md')?.text ?? '';
    const table = tablesOf('docs/admin-api.md', text).tables.find((t) => t.header[1] === '`code`');
    const listed = (table?.rows ?? []).map((row) => (row.cells[1] ?? '').replaceAll('`', '')).sort();
    expect(listed).toEqual([...adminErrorCodes].sort());
  });

  it('builds no SCIM error by hand: every one is a class of the catalogue', () => {
    const byHand = sources.filter((s) => /new ScimError\(/.test(s.text)).map((s) => s.file);
    expect(byHand).toEqual([]);
  });
});

function hasSubcommands(name: string): boolean {
  return allCommands.some((path) => path.length === 2 && path[0] === name);
}

describe.each(testEngines.slice(0, 1))(
  'the admin API routes the docs name (app built on $name)',
  (engine) => {
    let database: TestDatabase;
    let app: FastifyInstance;
    const routes = new Set<string>();

    beforeAll(async () => {
      database = await engine.open();
      await migrateToLatest(database.db, database.dialect);
      const store = directoryStore(database.db, database.dialect);
      const clock = new TestClock();
      await ensureDefaultOrganization({ store, clock, ids });
      app = await buildApp({
        store,
        clock,
        ids,
        logger: pino({ level: 'silent' }),
        publicBaseUrl: 'http://127.0.0.1',
        bodyLimitBytes: 1_048_576,
        capabilities: testCapabilities,
        scimSettings: await testScimSettings(store, clock),
        onRoute: (route) => {
          for (const method of [route.method].flat()) routes.add(`${method} ${route.url}`);
        },
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await database.dispose();
    });

    /** `/organizations/{organizationId}/x?y=` → `/api/v1/organizations/:organizationId/x`. */
    const routeOf = (path: string) =>
      path
        .replace(/[[?].*$/, '')
        .replace(/\{(\w+)\}/g, ':$1')
        .replace(/\/$/, '');

    it('registers every /api/v1 path the docs name, and every METHOD /path of docs/admin-api.md', () => {
      const registeredPaths = new Set([...routes].map((r) => r.split(' ')[1]));
      const missing: string[] = [];
      for (const d of documents) {
        for (const { line, code } of codeOf(d.text)) {
          for (const match of code.matchAll(/\/api\/v1(\/[\w{}/.:-]*)?/g)) {
            const path = routeOf(match[0]);
            if (!registeredPaths.has(path) && path !== '/api/v1')
              missing.push(`${d.path}:${line}: ${match[0]}`);
          }
          if (d.path !== 'docs/admin-api.md') continue;
          for (const match of code.matchAll(/^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/g)) {
            // Paths there are relative to /api/v1, except the two pages outside it (/api/docs, /api/v1/openapi.json).
            const path = match[2] ?? '';
            const route = `${match[1]} ${routeOf(path.startsWith('/api/') ? path : `/api/v1${path}`)}`;
            if (!routes.has(route)) missing.push(`${d.path}:${line}: ${match[0]}`);
          }
        }
      }
      expect(routes.size).toBeGreaterThan(40);
      expect(missing).toEqual([]);
    });
  },
);
