import { readFileSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from './support/spawn-roster.js';
import { testEngines, type TestDatabase } from './support/test-engines.js';

const PASSWORD = 'Correct-Horse-Battery-9';
const EMAIL = 'private.person@example.com';
const MISSING_ID = '01900000-0000-7000-8000-000000000009';
// Everything that must never be in a log line or a stored row: a token, key or webhook secret (the
// prefix and enough of the rest to be one: a stored key keeps a 4-character hint such as
// `roster_admin_o54q…` by design), and the password.
const SECRETS = [
  /roster_scim_[A-Za-z0-9_-]{12,}/,
  /roster_admin_[A-Za-z0-9_-]{12,}/,
  /whsec_[A-Za-z0-9+/_=-]{12,}/,
  new RegExp(PASSWORD),
];

describe.each(testEngines)('what a server run on $name logs and stores', (engine) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let origin: string;
  let bootstrapFile: string;
  let linkFile = '';
  let adminKey: string;

  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) {
      headers['content-type'] = path.startsWith('/scim/') ? 'application/scim+json' : 'application/json';
    }
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    return fetch(`${origin}${path}`, { ...init, headers });
  };

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    rmSync(bootstrapFile, { force: true });
    rmSync(linkFile, { force: true });
    await database?.dispose();
  });

  it('logs no token, key, password or filter value, stores none, and marks token-bearing answers no-store', async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = await startServer({
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'info',
    });
    bootstrapFile = /written once to (\S+) \(readable only by its owner\)/.exec(server.output())?.[1] ?? '';
    adminKey = readFileSync(bootstrapFile, 'utf8').trim();
    linkFile = /one-time link .* was written once to (\S+) \(/.exec(server.output())?.[1] ?? '';
    try {
      await provisionAndScan();
    } finally {
      await server.stop();
    }
  });

  async function provisionAndScan(): Promise<void> {
    const organizations = (await (await call('/api/v1/organizations', { token: adminKey })).json()) as {
      data: { id: string; name: string }[];
    };
    const org = organizations.data.find((o) => o.name === 'default')!;
    const created = await call(`/api/v1/organizations/${org.id}/integrations`, {
      method: 'POST',
      token: adminKey,
      body: JSON.stringify({ name: 'okta', idp: 'okta' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const integration = (await created.json()) as { id: string; token: string };
    const rotated = await call(`/api/v1/organizations/${org.id}/integrations/${integration.id}/token`, {
      method: 'POST',
      token: adminKey,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const { token } = (await rotated.json()) as { token: string };
    const newKey = await call('/api/v1/admin-keys', {
      method: 'POST',
      token: adminKey,
      body: JSON.stringify({ name: 'ci' }),
    });
    expect(newKey.status).toBe(201);
    expect(newKey.headers.get('cache-control')).toBe('no-store');
    const issued = [adminKey, integration.token, token, ((await newKey.json()) as { secret: string }).secret];
    const holdsSecret = (text: string) =>
      SECRETS.some((secret) => secret.test(text)) || issued.some((value) => text.includes(value));

    const scim = `/scim/v2/${integration.id}`;
    const user = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: EMAIL,
      password: PASSWORD,
      emails: [{ value: EMAIL, type: 'work', primary: true }],
    };
    const posted = await call(`${scim}/Users`, { method: 'POST', token, body: JSON.stringify(user) });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    expect(
      (await call(`${scim}/Users/${id}`, { method: 'PUT', token, body: JSON.stringify(user) })).status,
    ).toBe(200);
    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'password', value: PASSWORD }],
    };
    expect(
      (await call(`${scim}/Users/${id}`, { method: 'PATCH', token, body: JSON.stringify(patch) })).status,
    ).toBe(200);
    const bulk = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'b', data: { ...user, userName: `bulk.${EMAIL}` } },
      ],
    };
    expect((await call(`${scim}/Bulk`, { method: 'POST', token, body: JSON.stringify(bulk) })).status).toBe(
      200,
    );
    const filter = encodeURIComponent(`emails[type eq "work"].value eq "${EMAIL}"`);
    expect((await call(`${scim}/Users?filter=${filter}&count=5`, { token })).status).toBe(200);
    // A filter that fails: the error detail quotes it, and that detail is not logged at info.
    const bad = encodeURIComponent(`userName eq "${EMAIL}" and`);
    expect((await call(`${scim}/Users?filter=${bad}`, { token })).status).toBe(400);
    const search = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: `userName eq "${EMAIL}"`,
    };
    expect(
      (await call(`${scim}/Users/.search`, { method: 'POST', token, body: JSON.stringify(search) })).status,
    ).toBe(200);

    // A token in the query (RFC 6750 §2.3) is refused, on SCIM and on the admin API alike.
    const inQuery = await call(`${scim}/Users?access_token=${token}`);
    expect(inQuery.status).toBe(401);
    expect(await inQuery.json()).toMatchObject({
      status: '401',
      detail: expect.stringContaining('access_token'),
    });
    const inQueryWithHeader = await call(`${scim}/Users?access_token=${token}`, { token });
    expect(inQueryWithHeader.status).toBe(401);
    const adminInQuery = await call(`/api/v1/organizations?access_token=${adminKey}`);
    expect(adminInQuery.status).toBe(401);
    expect(((await adminInQuery.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    // A wrong token in the header: refused, and not logged either.
    expect(
      (await call(`${scim}/Users`, { token: 'roster_scim_not_a_real_token_but_long_enough' })).status,
    ).toBe(401);

    await server.stop();
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    // The run was logged (so the scan below scans something): each request's redacted URL is there.
    expect(lines.some((line) => line.includes('filter=[redacted]&count=5'))).toBe(true);
    expect(lines.some((line) => line.includes('access_token=[redacted]'))).toBe(true);
    const leaks = lines.filter(
      (line) => holdsSecret(line) || line.includes(EMAIL) || line.includes(encodeURIComponent(EMAIL)),
    );
    expect(leaks).toEqual([]);
    console.log(
      `${engine.name}: ${lines.length} log lines scanned, ${leaks.length} leaked a secret or a filter value`,
    );

    const tables =
      engine.name === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
              database.db,
            )
          ).rows
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              database.db,
            )
          ).rows;
    let rows = 0;
    const stored: string[] = [];
    for (const { name } of tables) {
      const content = (
        await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db)
      ).rows;
      rows += content.length;
      for (const row of content) {
        const text = JSON.stringify(row);
        if (holdsSecret(text)) stored.push(`${name}: ${text.slice(0, 200)}`);
      }
    }
    expect(rows).toBeGreaterThan(10);
    expect(stored).toEqual([]);
    console.log(
      `${engine.name}: ${rows} stored rows in ${tables.length} tables scanned, ${stored.length} hold a secret`,
    );
  }

  it('sends security headers on every answer outside SCIM, and a CSP the reference page works with', async () => {
    const other = await engine.open();
    const port = await freePort();
    const fresh = await startServer({
      ROSTER_DATABASE_URL: other.databaseUrl,
      ...other.processEnv,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
    });
    const origin = `http://127.0.0.1:${port}`;
    try {
      for (const path of [
        '/healthz',
        '/readyz',
        '/api/docs/',
        '/api/docs/static/index.html',
        '/api/v1/openapi.json',
        '/api/v1/organizations',
        // Issue 18's admin routes: the integrations list with activity, events by resource, group rename.
        `/api/v1/organizations/${MISSING_ID}/integrations`,
        `/api/v1/organizations/${MISSING_ID}/events?resourceId=${MISSING_ID}`,
        `/api/v1/organizations/${MISSING_ID}/groups/${MISSING_ID}`,
      ]) {
        const response = await fetch(`${origin}${path}`);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(response.headers.get('x-frame-options'), path).toBe('DENY');
        expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
        expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      }
      const page = await fetch(`${origin}/api/docs/static/index.html`);
      expect(page.status).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      // The page's scripts are all files from this server (no inline script the CSP would block).
      expect(await page.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    } finally {
      await fresh.stop();
      for (const [, file] of fresh.output().matchAll(/written once to (\S+) \(readable only by its owner\)/g))
        if (file) rmSync(file, { force: true });
      await other.dispose();
    }
  });
});
