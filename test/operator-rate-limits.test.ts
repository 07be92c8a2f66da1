import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, issueAdminKey } from './support/admin-client.js';
import { issueFirstAccountLink } from '../src/directory/console-accounts/issue-first-account-link.js';
import { ids, RosterHarness, testEngines } from './support/roster-harness.js';

const PER_SECOND = 5;

describe.each(testEngines)('rate limits on $name', (engine) => {
  let roster: RosterHarness;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, {
      rateLimits: { scimPerSecond: PER_SECOND, adminPerSecond: PER_SECOND },
    });
  });
  afterAll(() => roster.close());

  it('answers an integration over its limit 429 with Retry-After and an RFC 7644 body; others are not affected', async () => {
    const busy = await roster.createIntegration('busy');
    const quiet = await roster.createIntegration('quiet');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => roster.request(busy, 'GET', '/Users?count=1')),
    );
    const served = answers.filter((a) => a.status === 200).length;
    const limited = answers.filter((a) => a.status === 429);
    // A fixed one-second window: a burst that straddles two windows gets at most two windows' worth.
    expect(served).toBeGreaterThanOrEqual(PER_SECOND);
    expect(served).toBeLessThanOrEqual(2 * PER_SECOND);
    expect(limited.length).toBe(30 - served);
    for (const answer of limited) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '429',
        detail: expect.stringContaining(`the limit is ${PER_SECOND} requests per second per integration`),
      });
    }
    expect((await roster.request(quiet, 'GET', '/Users')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await roster.request(busy, 'GET', '/Users')).status).toBe(200);
  });

  it('does not count requests with a wrong token against the integration', async () => {
    const idp = await roster.createIntegration('guarded');
    const wrong = await Promise.all(
      Array.from({ length: 20 }, () =>
        roster.request({ ...idp, token: 'roster_scim_wrong' }, 'GET', '/Users'),
      ),
    );
    expect(wrong.every((w) => w.status === 401)).toBe(true);
    const right = await Promise.all(
      Array.from({ length: PER_SECOND }, () => roster.request(idp, 'GET', '/Users')),
    );
    expect(right.map((r) => r.status)).toEqual(Array.from({ length: PER_SECOND }, () => 200));
  });

  it('limits each admin key on its own, with the admin error body and Retry-After', async () => {
    const hot = await AdminClient.installation(roster);
    const other = new AdminClient(roster.origin, (await issueAdminKey(roster, null, 'other')).secret);
    const answers = await Promise.all(Array.from({ length: 20 }, () => hot.get('/organizations')));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(20 - 2 * PER_SECOND);
    for (const answer of limited) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringContaining(`${PER_SECOND} requests per second per admin key`),
      });
    }
    expect((await other.get('/organizations')).status).toBe(200);
  });

  it('limits each console session like an admin key: 429 with Retry-After, other sessions and keys unaffected', async () => {
    const link = await issueFirstAccountLink({ store: roster.store, clock: roster.clock, ids });
    const token = link!.token;
    const password = 'correct horse battery staple';
    const post = (path: string, body: unknown) =>
      fetch(`${roster.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const accepted = await post('/api/v1/console/links/accept', {
      token,
      email: 'ops@example.com',
      password,
    });
    expect(accepted.status).toBe(200);
    const hot = cookieOf(accepted);
    const signedIn = await post('/api/v1/console/sign-in', { email: 'ops@example.com', password });
    expect(signedIn.status).toBe(200);
    const calm = cookieOf(signedIn);
    expect(calm).not.toBe(hot);
    const asSession = (cookie: string) =>
      fetch(`${roster.origin}/api/v1/organizations`, { headers: { cookie } });

    // Past the second that counted the sign-ins, so the burst starts a fresh window.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const answers = await Promise.all(Array.from({ length: 20 }, () => asSession(hot)));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(20 - 2 * PER_SECOND);
    expect(answers.filter((a) => a.status === 200).length).toBe(20 - limited.length);
    for (const answer of limited) {
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(((await answer.json()) as { error: unknown }).error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringContaining(`${PER_SECOND} requests per second per console session`),
      });
    }
    expect((await asSession(calm)).status).toBe(200);
    expect((await (await AdminClient.installation(roster)).get('/organizations')).status).toBe(200);
  });
});
