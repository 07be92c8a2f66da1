/**
 * How many SQL statements each kind of SCIM request runs (issue 13 and 15 ask for these counts before
 * and after each change): an in-process server on a fresh SQLite file whose Kysely counts every
 * statement it executes, one request of each kind at a time. BEGIN and COMMIT are not statements Kysely
 * builds, so a request in a transaction costs two round trips more than its count on PostgreSQL.
 * `npm run bench:statements`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { pino } from 'pino';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { loadCursorSigningKey } from '../../src/directory/scim/cursor-signing-key.js';
import { createSecretCipher, generateSecretKey } from '../../src/directory/secrets/secret-cipher.js';
import { buildApp } from '../../src/http/build-app.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';

let statements = 0;
const trace = process.env.TRACE_STATEMENTS === '1';
const counting: KyselyPlugin = {
  // transformQuery also sees the subqueries a statement is built from; transformResult runs once per
  // statement executed, which is what a round trip costs.
  transformQuery: (args) => {
    if (trace) {
      const text = JSON.stringify(args.node);
      const tables = [
        ...new Set(
          [
            ...text.matchAll(
              /"table":\{"kind":"SchemableIdentifierNode","identifier":\{"kind":"IdentifierNode","name":"(\w+)"/g,
            ),
          ].map((m) => m[1]),
        ),
      ];
      const raw = args.node.kind === 'RawNode' ? text.slice(30, 110) : '';
      console.log(`  ${args.node.kind.replace('QueryNode', '')} ${tables.join(',')} ${raw}`);
    }
    return args.node;
  },
  transformResult: async (args) => {
    statements++;
    if (trace) console.log('  -- executed');
    return args.result;
  },
};

const dir = mkdtempSync(join(tmpdir(), 'roster-statements-'));
const db = openSqlite(join(dir, 'roster.db'));
try {
  await migrateToLatest(db, sqliteDialect);
  const store = directoryStore(db.withPlugin(counting), sqliteDialect);
  const clock = { now: () => new Date() };
  const ids = uuidV7Source();
  await ensureDefaultOrganization({ store, clock, ids });
  const { integration, token } = await createIntegration(
    { store, clock, ids },
    { organizationName: 'default', name: 'statements', idp: 'generic', tokenLifetimeDays: 365 },
  );
  const app = await buildApp({
    store,
    clock,
    ids,
    logger: pino({ level: 'silent' }),
    publicBaseUrl: 'http://127.0.0.1',
    bodyLimitBytes: 1_048_576,
    capabilities: {
      patch: true,
      bulk: { supported: true, maxOperations: 10, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 100 },
      sort: true,
      etag: true,
      pagination: { cursor: true, index: true, defaultPageSize: 100, maxPageSize: 100, cursorTimeout: 60 },
      documentationUri: 'http://127.0.0.1/docs',
    },
    scimSettings: {
      pageLimits: { defaultPageSize: 100, maxPageSize: 100 },
      cursorSigningKey: await loadCursorSigningKey({
        store,
        clock,
        cipher: createSecretCipher({ keys: [generateSecretKey()] }),
      }),
      cursorTimeoutSeconds: 60,
      createRetryWindowSeconds: 600,
      bulk: { maxOperations: 10, maxPayloadSize: 1_048_576 },
    },
  });
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await app.inject({
      method: method as 'GET',
      url: `/scim/v2/${integration.id}${path}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (response.statusCode >= 400)
      throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
    return (response.body === '' ? {} : response.json()) as Record<string, unknown>;
  };
  const counted = async (label: string, work: () => Promise<unknown>) => {
    statements = 0;
    if (trace) console.log(`== ${label}`);
    await work();
    return { request: label, statements };
  };
  const user = (n: number) => ({
    userName: `user${n}@example.com`,
    externalId: `ext-${n}`,
    displayName: `User ${n}`,
    emails: [{ value: `user${n}@example.com`, type: 'work', primary: true }],
  });
  // A group of 50 members, and users to add.
  const members: string[] = [];
  for (let n = 0; n < 60; n++) members.push(String((await send('POST', '/Users', user(n))).id));
  const group = String(
    (
      await send('POST', '/Groups', {
        displayName: 'Big',
        members: members.slice(0, 50).map((value) => ({ value })),
      })
    ).id,
  );
  const patchOp = (operation: unknown) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [operation],
  });
  const rows = [
    await counted('GET /Users/{id}', () => send('GET', `/Users/${members[0]}`)),
    await counted('GET /Users?filter=userName eq', () =>
      send('GET', `/Users?filter=${encodeURIComponent('userName eq "user1@example.com"')}`),
    ),
    await counted('GET /Users (page of 60, with total)', () => send('GET', '/Users?count=100')),
    await counted('POST /Users', () => send('POST', '/Users', user(1000))),
    await counted('PATCH /Users/{id} (replace displayName)', () =>
      send(
        'PATCH',
        `/Users/${members[1]}`,
        patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' }),
      ),
    ),
    await counted('PUT /Users/{id}', () => send('PUT', `/Users/${members[2]}`, { ...user(2), title: 'New' })),
    await counted('PATCH /Groups/{id} (add 1 member to 50)', () =>
      send(
        'PATCH',
        `/Groups/${group}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: members[55] }] }),
      ),
    ),
    await counted('PATCH /Groups/{id} (remove 1 member)', () =>
      send(
        'PATCH',
        `/Groups/${group}`,
        patchOp({ op: 'remove', path: `members[value eq "${members[55]}"]` }),
      ),
    ),
  ];
  console.table(rows);
  await app.close();
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
