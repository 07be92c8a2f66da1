import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFirstAccountLink } from '../src/directory/console-accounts/issue-first-account-link.js';
import { ids, RosterHarness, testEngines } from './support/roster-harness.js';
import { issueAdminKey } from './support/admin-client.js';

const PASSWORD = 'correct horse battery staple';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

/** A browser's view of the console: its cookie jar (one cookie) and the session's CSRF token. */
class ConsoleBrowser {
  cookie: string | undefined;
  csrf: string | undefined;
  private readonly origin: string;
  constructor(origin: string) {
    this.origin = origin;
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: `roster_console=${this.cookie}` } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-roster-csrf': this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('roster_console=')) {
      const value = setCookie.split(';')[0]!.slice('roster_console='.length);
      this.cookie = value === '' ? undefined : value;
    }
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as Answer['body'];
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: response.status, headers: response.headers, body: parsed };
  }
}

const tokenOf = (url: string) => url.slice(url.indexOf('#') + 1);

describe.each(testEngines)('console accounts and sessions on $name', (engine) => {
  let roster: RosterHarness;
  let installation: ConsoleBrowser;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    acme = await roster.createOrganization('acme');
    globex = await roster.createOrganization('globex');
    installation = new ConsoleBrowser(roster.origin);
  });
  afterAll(() => roster.close());

  const deps = () => ({ store: roster.store, clock: roster.clock, ids });

  it('the first account link creates an installation-wide account once, signed in with an HttpOnly SameSite=Strict cookie', async () => {
    const first = await issueFirstAccountLink(deps());
    expect(first).toBeDefined();
    expect(await issueFirstAccountLink(deps())).toBeUndefined();
    const token = first!.token;

    const described = await installation.call('POST', '/api/v1/console/links/describe', { token });
    expect(described.body).toMatchObject({ kind: 'first_account', email: null });
    const weak = await installation.call('POST', '/api/v1/console/links/accept', {
      token,
      email: 'root@example.com',
      password: 'short',
    });
    expect(weak.status).toBe(400);

    const accept = await fetch(`${roster.origin}/api/v1/console/links/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, email: 'Root@Example.com', password: PASSWORD }),
    });
    expect(accept.status).toBe(200);
    const cookie = accept.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^roster_console=roster_console_[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );

    const again = await installation.call('POST', '/api/v1/console/links/accept', {
      token,
      email: 'other@example.com',
      password: PASSWORD,
    });
    expect(again.status).toBe(400);
    expect(again.body.error?.message).toMatch(/not valid/);

    const signIn = await installation.call('POST', '/api/v1/console/sign-in', {
      email: 'root@example.com',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({
      kind: 'account',
      organizationId: null,
      account: { email: 'Root@Example.com' },
    });
    expect((await installation.call('GET', '/api/v1/console/session')).status).toBe(200);
  });

  it('a session reaches the admin API; a state-changing call needs its CSRF token and no foreign Origin', async () => {
    expect((await installation.call('GET', '/api/v1/organizations')).status).toBe(200);
    const csrf = installation.csrf;
    installation.csrf = undefined;
    const noToken = await installation.call('POST', `/api/v1/organizations/${acme}/roles`, {
      name: 'viewer',
      permissions: ['read'],
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error?.message).toMatch(/CSRF/);
    installation.csrf = 'x'.repeat(43);
    expect(
      (
        await installation.call('POST', `/api/v1/organizations/${acme}/roles`, {
          name: 'v',
          permissions: ['r'],
        })
      ).status,
    ).toBe(403);
    installation.csrf = csrf;
    const foreign = await installation.call(
      'POST',
      `/api/v1/organizations/${acme}/roles`,
      { name: 'viewer', permissions: ['read'] },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const made = await installation.call(
      'POST',
      `/api/v1/organizations/${acme}/roles`,
      { name: 'viewer', permissions: ['read'] },
      { origin: roster.origin },
    );
    expect(made.status).toBe(201);
    // What a console session changes is recorded as the account's doing, not a key's.
    const group = await installation.call('POST', `/api/v1/organizations/${acme}/groups`, {
      name: 'Console made',
    });
    expect(group.status).toBe(201);
    const rootId = (
      (await installation.call('GET', '/api/v1/console/session')).body.account as { id: string }
    ).id;
    const events = await installation.call('GET', `/api/v1/organizations/${acme}/events`);
    const groupEvent = (events.body.data as { resource: { id: string }; actor: unknown }[]).find(
      (e) => e.resource.id === (group.body.id as string),
    );
    expect(groupEvent?.actor).toEqual({ kind: 'console_account', id: rootId });
    // An admin key still works as before, and wins over a cookie sent with it.
    const key = await issueAdminKey(roster, null);
    const byKey = await fetch(`${roster.origin}/api/v1/organizations`, {
      headers: { authorization: `Bearer ${key.secret}`, cookie: 'roster_console=roster_console_nonsense' },
    });
    expect(byKey.status).toBe(200);
  });

  it("an organization's account sees only its organization, in pages and API calls alike", async () => {
    const invite = await installation.call('POST', '/api/v1/console-accounts', {
      email: 'it@acme.example',
      organizationId: acme,
    });
    expect(invite.status).toBe(201);
    const url = (invite.body.invitation as { url: string }).url;
    expect(url).toMatch(/\/console\/welcome#roster_link_/);
    const person = new ConsoleBrowser(roster.origin);
    const described = await person.call('POST', '/api/v1/console/links/describe', { token: tokenOf(url) });
    expect(described.body).toMatchObject({ kind: 'invite', email: 'it@acme.example' });
    const accepted = await person.call('POST', '/api/v1/console/links/accept', {
      token: tokenOf(url),
      password: PASSWORD,
    });
    expect(accepted.body).toMatchObject({ kind: 'account', organizationId: acme });

    const organizations = await person.call('GET', '/api/v1/organizations');
    expect((organizations.body.data as { id: string }[]).map((o) => o.id)).toEqual([acme]);
    expect((await person.call('GET', `/api/v1/organizations/${acme}/integrations`)).status).toBe(200);
    expect((await person.call('GET', `/api/v1/organizations/${globex}/integrations`)).status).toBe(404);
    expect((await person.call('GET', `/api/v1/organizations/${globex}/identities`)).status).toBe(404);
    expect(
      (await person.call('POST', `/api/v1/organizations/${globex}/roles`, { name: 'x', permissions: ['y'] }))
        .status,
    ).toBe(404);
    expect((await person.call('GET', '/api/v1/admin-keys')).status).toBe(403);
    const accounts = await person.call('GET', '/api/v1/console-accounts');
    expect((accounts.body.data as { email: string }[]).map((a) => a.email)).toEqual(['it@acme.example']);
    const rootId = (
      (await installation.call('GET', '/api/v1/console/session')).body.account as { id: string }
    ).id;
    expect((await person.call('GET', `/api/v1/console-accounts/${rootId}`)).status).toBe(404);
    expect(
      (
        await person.call('POST', '/api/v1/console-accounts', {
          email: 'x@globex.example',
          organizationId: globex,
        })
      ).status,
    ).toBe(403);
  });

  it('five wrong passwords lock the account for a while, even for the right one', async () => {
    await installation.call('POST', '/api/v1/console-accounts', {
      email: 'lock@acme.example',
      organizationId: acme,
    });
    const list = await installation.call('GET', `/api/v1/console-accounts?organizationId=${acme}`);
    const id = (list.body.data as { id: string; email: string }[]).find(
      (a) => a.email === 'lock@acme.example',
    )!.id;
    const reset = await installation.call('POST', `/api/v1/console-accounts/${id}/reset`);
    const person = new ConsoleBrowser(roster.origin);
    expect(
      (
        await person.call('POST', '/api/v1/console/links/accept', {
          token: tokenOf(reset.body.url as string),
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);

    const attempt = (password: string) =>
      person.call('POST', '/api/v1/console/sign-in', { email: 'lock@acme.example', password });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!!')).status).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    roster.clock.advanceSeconds(16 * 60);
    expect((await attempt(PASSWORD)).status).toBe(200);
    // An unknown email gets the same answer as a wrong password.
    const unknown = await person.call('POST', '/api/v1/console/sign-in', {
      email: 'nobody@acme.example',
      password: PASSWORD,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error?.message).toBe('That email and password do not match an account.');
  });

  it('sessions end when idle for 30 minutes, 12 hours after sign-in, on sign-out and when the account is disabled', async () => {
    const browser = new ConsoleBrowser(roster.origin);
    const signIn = () =>
      browser.call('POST', '/api/v1/console/sign-in', { email: 'root@example.com', password: PASSWORD });
    const session = () => browser.call('GET', '/api/v1/console/session');

    await signIn();
    roster.clock.advanceSeconds(29 * 60);
    expect((await session()).status).toBe(200);
    roster.clock.advanceSeconds(29 * 60);
    expect((await session()).status).toBe(200);
    roster.clock.advanceSeconds(31 * 60);
    expect((await session()).status).toBe(401);

    await signIn();
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 25) {
      roster.clock.advanceSeconds(25 * 60);
      if (elapsed + 25 < 12 * 60) expect((await session()).status).toBe(200);
    }
    expect((await session()).status).toBe(401);

    await signIn();
    const cookie = browser.cookie;
    expect((await browser.call('POST', '/api/v1/console/sign-out')).status).toBe(204);
    expect(browser.cookie).toBeUndefined();
    browser.cookie = cookie;
    expect((await session()).status).toBe(401);
    expect((await browser.call('GET', '/api/v1/organizations')).status).toBe(401);

    const person = new ConsoleBrowser(roster.origin);
    await person.call('POST', '/api/v1/console/sign-in', { email: 'it@acme.example', password: PASSWORD });
    await signIn();
    const id = ((await person.call('GET', '/api/v1/console/session')).body.account as { id: string }).id;
    expect((await browser.call('POST', `/api/v1/console-accounts/${id}/disable`)).body).toMatchObject({
      disabledAt: expect.any(String),
    });
    expect((await person.call('GET', '/api/v1/organizations')).status).toBe(401);
    expect(
      (await person.call('POST', '/api/v1/console/sign-in', { email: 'it@acme.example', password: PASSWORD }))
        .status,
    ).toBe(401);
    await browser.call('POST', `/api/v1/console-accounts/${id}/enable`);
    expect(
      (await person.call('POST', '/api/v1/console/sign-in', { email: 'it@acme.example', password: PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('a setup link opens a console for its organization once, without an account; revoking it ends that console', async () => {
    const browser = new ConsoleBrowser(roster.origin);
    await browser.call('POST', '/api/v1/console/sign-in', { email: 'root@example.com', password: PASSWORD });
    const created = await browser.call('POST', `/api/v1/organizations/${acme}/setup-links`, {
      label: 'Acme IT',
      validForHours: 48,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'active',
      label: 'Acme IT',
      url: expect.stringMatching(/\/console\/setup#roster_link_/),
    });

    const customer = new ConsoleBrowser(roster.origin);
    const opened = await customer.call('POST', '/api/v1/console/setup-links/open', {
      token: tokenOf(created.body.url as string),
    });
    expect(opened.body).toMatchObject({ kind: 'setup', account: null, organizationId: acme });
    expect((await customer.call('GET', `/api/v1/organizations/${acme}/integrations`)).status).toBe(200);
    expect((await customer.call('GET', `/api/v1/organizations/${globex}/integrations`)).status).toBe(404);
    expect((await customer.call('GET', `/api/v1/organizations/${acme}/setup-links`)).status).toBe(403);
    expect((await customer.call('GET', '/api/v1/console-accounts')).status).toBe(403);

    const someoneElse = new ConsoleBrowser(roster.origin);
    expect(
      (
        await someoneElse.call('POST', '/api/v1/console/setup-links/open', {
          token: tokenOf(created.body.url as string),
        })
      ).status,
    ).toBe(400);

    const listed = await browser.call('GET', `/api/v1/organizations/${acme}/setup-links`);
    expect((listed.body.data as { status: string }[])[0]?.status).toBe('used');
    const regenerated = await browser.call(
      'POST',
      `/api/v1/organizations/${acme}/setup-links/${created.body.id as string}/regenerate`,
    );
    expect(regenerated.status).toBe(201);
    expect((await customer.call('GET', `/api/v1/organizations/${acme}/integrations`)).status).toBe(401);

    const expiring = await browser.call('POST', `/api/v1/organizations/${acme}/setup-links`, {
      validForHours: 1,
    });
    roster.clock.advanceSeconds(3601);
    // (An hour idle ended this session too.)
    await browser.call('POST', '/api/v1/console/sign-in', { email: 'root@example.com', password: PASSWORD });
    const statuses = await browser.call('GET', `/api/v1/organizations/${acme}/setup-links`);
    expect(
      (statuses.body.data as { id: string; status: string }[]).map((l) => [l.id, l.status]),
    ).toContainEqual([expiring.body.id, 'expired']);
    expect(
      (
        await someoneElse.call('POST', '/api/v1/console/setup-links/open', {
          token: tokenOf(expiring.body.url as string),
        })
      ).status,
    ).toBe(400);
    // Another organization's link ids are not found.
    expect(
      (
        await browser.call(
          'DELETE',
          `/api/v1/organizations/${globex}/setup-links/${created.body.id as string}`,
        )
      ).status,
    ).toBe(404);
  });
});
