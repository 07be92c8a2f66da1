import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultInputLimits } from '../src/core/protocol/input-limits.js';
import {
  RosterHarness,
  testEngines,
  type IntegrationHandle,
  type ScimResponse,
} from './support/roster-harness.js';
import { postgresTestEngine } from './support/test-engines.js';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Text that does not compress: PostgreSQL would otherwise fit a long repetitive key in its index. */
function incompressible(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

function expectScimError(response: ScimResponse, status: number, scimType?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.body.schemas).toEqual([ERROR]);
  if (scimType !== undefined) expect(response.body.scimType).toBe(scimType);
}

const filterUrl = (filter: string) => `/Users?filter=${encodeURIComponent(filter)}`;

/**
 * Issue 14: inputs that were PostgreSQL-only 500s, and inputs whose cost nothing bounded, answer the same
 * RFC 7644 error on both engines, decided in the core before any database work.
 */
describe.each(testEngines)('input bounds answer RFC 7644 errors on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let userId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, {
      inputLimits: { maxPatchOperations: 5, maxAttributeNames: 4, maxFilterCost: 10_000 },
    });
    idp = await roster.createIntegration();
    userId = (await roster.request(idp, 'POST', '/Users', { userName: 'limits-base' })).body.id as string;
  });
  afterAll(() => roster.close());

  describe('text no engine stores alike', () => {
    const bad = [
      ['a NUL', 'a\u0000b'],
      ['a lone high surrogate', 'x\ud800'],
      ['a lone low surrogate', '\udc00y'],
    ] as const;
    for (const [what, text] of bad) {
      it(`refuses ${what} in a value, a key, a PATCH value and a filter`, async () => {
        expectScimError(
          await roster.request(idp, 'POST', '/Users', { userName: `u${text}` }),
          400,
          'invalidValue',
        );
        expectScimError(
          await roster.request(idp, 'POST', '/Users', { userName: 'k', name: { [`given${text}`]: 'x' } }),
          400,
          'invalidValue',
        );
        expectScimError(
          await roster.request(idp, 'PATCH', `/Users/${userId}`, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'replace', path: 'displayName', value: text }],
          }),
          400,
          'invalidValue',
        );
        const escaped = JSON.stringify(text).slice(1, -1); // \u0000, \ud800: the filter's own escapes
        expectScimError(
          await roster.request(idp, 'GET', filterUrl(`userName eq "${escaped}"`)),
          400,
          'invalidFilter',
        );
        expectScimError(
          await roster.request(idp, 'POST', '/Users/.search', { filter: `displayName co "${escaped}"` }),
          400,
          'invalidFilter',
        );
      });
    }

    it('refuses a NUL in the resource id of the URL, and in the integration id', async () => {
      expectScimError(await roster.request(idp, 'GET', '/Users/a%00b'), 400, 'invalidValue');
      expectScimError(await roster.request(idp, 'DELETE', '/Groups/%00'), 400, 'invalidValue');
      const elsewhere = { ...idp, url: idp.url.replace(idp.id, `${idp.id}%00`) };
      expectScimError(await roster.request(elsewhere, 'GET', '/Users'), 401);
    });

    it('keeps well-formed text outside the Basic Multilingual Plane', async () => {
      const created = await roster.request(idp, 'POST', '/Users', {
        userName: 'emoji-😀',
        displayName: '𝒜da',
      });
      expect(created.status).toBe(201);
      expect(created.body.displayName).toBe('𝒜da');
    });
  });

  describe('attribute value length', () => {
    const max = defaultInputLimits.maxValueBytes;

    it(`stores an indexed value of exactly ${max} bytes`, async () => {
      const userName = incompressible(max);
      const created = await roster.request(idp, 'POST', '/Users', {
        userName,
        externalId: incompressible(max),
        displayName: incompressible(max),
        emails: [{ value: incompressible(max), type: incompressible(max) }],
      });
      expect(created.status, created.text).toBe(201);
      const found = await roster.request(idp, 'GET', filterUrl(`userName eq "${userName}"`));
      expect(found.body.totalResults).toBe(1);
    });

    it('refuses a value one byte longer, counted in UTF-8', async () => {
      expectScimError(
        await roster.request(idp, 'POST', '/Users', { userName: incompressible(max + 1) }),
        400,
        'invalidValue',
      );
      // 'é' is two bytes: half the limit in characters plus one is over it.
      expectScimError(
        await roster.request(idp, 'POST', '/Groups', { displayName: 'é'.repeat(max / 2 + 1) }),
        400,
        'invalidValue',
      );
      expectScimError(
        await roster.request(idp, 'PATCH', `/Users/${userId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'title', value: 'x'.repeat(max + 1) }],
        }),
        400,
        'invalidValue',
      );
    });
  });

  it('refuses sortBy on members and groups, which have no primary value (RFC 7644 §3.4.2.3)', async () => {
    expectScimError(await roster.request(idp, 'GET', '/Groups?sortBy=members'), 400, 'invalidValue');
    expectScimError(await roster.request(idp, 'GET', '/Groups?sortBy=members.value'), 400, 'invalidValue');
    expectScimError(await roster.request(idp, 'GET', '/Users?sortBy=groups'), 400, 'invalidValue');
    expect((await roster.request(idp, 'GET', '/Users?sortBy=emails')).status).toBe(200);
  });

  describe('filter cost, depth and length', () => {
    it('refuses 200 or-ed "groups.display sw" clauses as too complex, before running them', async () => {
      const filter = Array.from({ length: 200 }, (_, i) => `groups.display sw "g${i}"`).join(' or ');
      const response = await roster.request(idp, 'GET', filterUrl(filter));
      expectScimError(response, 400, 'invalidFilter');
      expect(response.body.detail).toMatch(/too complex/);
    });

    it('accepts 400 or-ed "userName eq" clauses: cost by operator and path, not only by count', async () => {
      const filter = Array.from({ length: 400 }, (_, i) => `userName eq "u${i}"`).join(' or ');
      expect((await roster.request(idp, 'POST', '/Users/.search', { filter })).status).toBe(200);
    });

    it("prices a scanning filter by the integration's size: accepted while small, refused once large", async () => {
      const own = await roster.createIntegration();
      // 20 "title co" clauses: 20 × 32 units per user; the budget is 10,000.
      const filter = Array.from({ length: 20 }, (_, i) => `title co "t${i}"`).join(' or ');
      for (let i = 0; i < 10; i++) await roster.request(own, 'POST', '/Users', { userName: `small-${i}` });
      expect((await roster.request(own, 'GET', filterUrl(filter))).status).toBe(200);
      for (let i = 10; i < 20; i++) await roster.request(own, 'POST', '/Users', { userName: `small-${i}` });
      const refused = await roster.request(own, 'GET', filterUrl(filter));
      expectScimError(refused, 400, 'invalidFilter');
      expect(refused.body.detail).toMatch(/too complex.*for 20 resources/);
      // The same filter narrowed by an indexed comparison tests only what the index finds.
      const narrowed = await roster.request(own, 'GET', filterUrl(`userName eq "small-1" and (${filter})`));
      expect(narrowed.status).toBe(200);
    });

    it('refuses a filter nested deeper than the limit, and one longer than the limit', async () => {
      const depth = defaultInputLimits.maxFilterDepth;
      const nested = (levels: number) =>
        `${'(userName eq "a" and '.repeat(levels)}userName eq "b"${')'.repeat(levels)}`;
      // Alternating and/or so each parenthesis is a level of its own.
      const alternating = (levels: number) => {
        let filter = 'userName eq "x"';
        for (let i = 0; i < levels; i++)
          filter = `(${filter}) ${i % 2 === 0 ? 'or' : 'and'} userName eq "y${i}"`;
        return filter;
      };
      expect((await roster.request(idp, 'GET', filterUrl(nested(3)))).status).toBe(200);
      expect((await roster.request(idp, 'GET', filterUrl(alternating(depth - 1)))).status).toBe(200);
      const deep = await roster.request(idp, 'GET', filterUrl(alternating(depth + 1)));
      expectScimError(deep, 400, 'invalidFilter');
      expect(deep.body.detail).toMatch(/levels deep/);
      const long = `userName eq "${'x'.repeat(defaultInputLimits.maxFilterLength)}"`;
      expectScimError(
        await roster.request(idp, 'POST', '/Users/.search', { filter: long }),
        400,
        'invalidFilter',
      );
    });
  });

  it('answers 413 to a PATCH with more operations than the limit', async () => {
    const operation = { op: 'replace', path: 'title', value: 't' };
    const body = (count: number) => ({
      schemas: [PATCH_OP],
      Operations: Array.from({ length: count }, () => operation),
    });
    expect((await roster.request(idp, 'PATCH', `/Users/${userId}`, body(5))).status).toBe(200);
    expectScimError(await roster.request(idp, 'PATCH', `/Users/${userId}`, body(6)), 413);
  });

  it('refuses an attributes list longer than the limit', async () => {
    expect((await roster.request(idp, 'GET', '/Users?attributes=userName,title,name,emails')).status).toBe(
      200,
    );
    expectScimError(
      await roster.request(
        idp,
        'GET',
        `/Users/${userId}?excludedAttributes=title,name,emails,phoneNumbers,x`,
      ),
      400,
      'invalidValue',
    );
  });

  it('advertises the limits SCIM has a place for in /ServiceProviderConfig', async () => {
    const config = await roster.request(idp, 'GET', '/ServiceProviderConfig');
    expect(config.body.bulk).toMatchObject({ supported: true, maxOperations: 50, maxPayloadSize: 1_048_576 });
    expect(config.body.filter).toMatchObject({ supported: true, maxResults: 1000 });
  });
});

describe.runIf(postgresTestEngine)('a PostgreSQL statement timeout', () => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(postgresTestEngine!, { statementTimeoutMs: 300 });
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  it('answers 503 with Retry-After, never 500, and the request succeeds once the lock is gone', async () => {
    // Another session holds a lock every SCIM read waits for; the server's statement_timeout cancels it.
    const locker = new pg.Client({
      connectionString: roster.database.databaseUrl,
      options: `-c search_path=${roster.database.processEnv.ROSTER_DATABASE_SCHEMA}`,
    });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table scim_resources in access exclusive mode');
      const response = await roster.request(idp, 'GET', '/Users?filter=userName%20eq%20%22x%22');
      expectScimError(response, 503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await locker.query('rollback');
      expect((await roster.request(idp, 'GET', '/Users?filter=userName%20eq%20%22x%22')).status).toBe(200);
    } finally {
      await locker.end();
    }
  });
});
