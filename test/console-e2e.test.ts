import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from './support/spawn-roster.js';

/**
 * The console end to end: Debian's Chromium, headless, against a real `roster serve` on a temporary
 * SQLite file. Every main screen is checked with axe-core and saved as a screenshot under
 * test-results/console-screenshots (git ignores it) for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'console-screenshots');
const PASSWORD = 'console e2e password';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('the console in a real browser', { timeout: 120_000 }, () => {
  let directory: string;
  let server: ServerProcess;
  let origin: string;
  let adminKey: string;
  let firstAccountLink: string;
  let browser: Browser;
  let page: Page;
  let defaultOrg: string;
  const axeResults: Record<string, string[]> = {};

  beforeAll(async () => {
    // The console as `npm run build` builds it (the global set-up builds only the server); vitest's
    // NODE_ENV=test would otherwise give React's development build.
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'console/vite.config.ts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
    );
    directory = mkdtempSync(join(tmpdir(), 'roster-console-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = await startServer({
      ROSTER_DATABASE_URL: `sqlite:${join(directory, 'roster.db')}`,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_JOB_POLL_MS: '200',
    });
    // The bootstrap key is written to a file the start-up message names.
    const keyFile = /written once to (\S+) /.exec(server.output())?.[1] ?? '';
    adminKey = readFileSync(keyFile, 'utf8').trim();
    // So is the first-account link: the output names the file and never holds the link.
    expect(server.output()).not.toMatch(/roster_link_/);
    const linkFile = /one-time link .* was written once to (\S+) \(readable only by its owner\)/.exec(
      server.output(),
    )?.[1];
    expect(statSync(linkFile ?? '').mode & 0o777).toBe(0o600);
    firstAccountLink = readFileSync(linkFile ?? '', 'utf8').trim();
    expect(firstAccountLink).toMatch(/^http:\/\/\S+\/console\/welcome#roster_link_[A-Za-z0-9_-]{43}$/);
    const organizations = (await (await admin('GET', '/api/v1/organizations')).json()) as {
      data: { id: string; name: string }[];
    };
    defaultOrg = organizations.data.find((o) => o.name === 'default')?.id ?? '';
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  /** A new browser profile (its own cookies): waits are short, so a failure says where it stopped. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  function admin(method: string, path: string, body?: unknown) {
    return fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** axe-core on the screen as it is, and a screenshot of it. */
  async function check(name: string, on: Page = page) {
    await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const { violations } = await new AxeBuilder({ page: on }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    axeResults[name] = bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(axeResults[name], `${name}: serious or critical accessibility violations`).toEqual([]);
  }

  it('starts with a first-account link written to a 0600 file, and answers the console with its security headers', async () => {
    expect(firstAccountLink).not.toBe('');
    const response = await fetch(`${origin}/console/integrations`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('creates the first account, signs out and signs in again', async () => {
    await page.goto(firstAccountLink);
    await page.getByRole('heading', { name: 'Create the first account' }).waitFor();
    expect(page.url()).not.toContain('#');
    await check('welcome');
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password (at least 12 characters)').fill(PASSWORD);
    await page.getByLabel('Password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    await page.getByText('No integration yet').waitFor();
    await check('integrations-empty');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Roster' }).waitFor();
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match an account');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Request id');
    await check('sign-in-error');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
  });

  let integrationUrl = '';
  let token = '';

  it('creates an integration through the wizard, shows the token once, and turns green on the first SCIM request', async () => {
    await page.getByRole('link', { name: 'New integration' }).click();
    await page.getByLabel('Integration name').fill('Okta production');
    await page.getByLabel('Identity provider').selectOption('okta');
    await check('wizard-1-name');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Custom Mapping').check();
    const path = page.getByLabel('Custom path');
    const hint = async () =>
      page.locator(`#${(await path.getAttribute('aria-describedby')) ?? ''}`).textContent();
    await path.fill('name.');
    await expect.poll(hint).toMatch(/Not an attribute path/);
    await path.fill('name');
    await expect.poll(hint).toMatch(/complex attribute/);
    expect(await page.getByRole('button', { name: 'Create and generate token' }).isDisabled()).toBe(true);
    await path.fill('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber');
    await expect.poll(hint).toMatch(/valid attribute path/);
    await check('wizard-2-mapping');
    await page.getByLabel('User Name').check();
    await page.getByRole('button', { name: 'Create and generate token' }).click();

    await page.getByRole('textbox', { name: 'Token', exact: true }).waitFor();
    integrationUrl = await page.getByRole('textbox', { name: 'Integration URL', exact: true }).inputValue();
    token = await page.getByRole('textbox', { name: 'Token', exact: true }).inputValue();
    expect(integrationUrl).toMatch(new RegExp(`^${origin}/scim/v2/[0-9a-f-]{36}$`));
    expect(token).toMatch(/^roster_scim_/);
    const next = page.getByRole('button', { name: 'Next' });
    expect(await next.isDisabled()).toBe(true);
    await check('wizard-3-token');
    await page.getByLabel('I have copied the token').check();
    await next.click();

    await page.getByRole('heading', { name: 'Finish in Okta' }).waitFor();
    await page.getByText('SCIM connector base URL', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Waiting for your IdP…' }).waitFor();
    await check('wizard-4-waiting');

    // A request with a wrong token is refused, and the panel says why.
    const refused = await fetch(`${integrationUrl}/Users`, {
      headers: { authorization: 'Bearer roster_scim_wrong' },
    });
    expect(refused.status).toBe(401);
    await page.getByText('Requests arrived but were refused').waitFor({ timeout: 10_000 });
    await page.getByText(/GET \/scim\/v2\/.*\/Users: The token/).waitFor();
    await check('wizard-4-refused');

    const created = await fetch(`${integrationUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: [USER_SCHEMA],
        userName: 'ada@example.com',
        displayName: 'Ada Lovelace',
        active: true,
      }),
    });
    expect(created.status).toBe(201);
    await page.getByRole('heading', { name: 'Your IdP is connected' }).waitFor({ timeout: 10_000 });
    await page.getByText(/authenticated request from your identity provider \(POST/).waitFor();
    await check('wizard-4-connected');
  });

  it('lists the user among the identities and shows the identity page', async () => {
    await page.getByRole('link', { name: 'Identities' }).click();
    await page.getByRole('link', { name: 'ada@example.com' }).waitFor();
    await page.getByLabel('Search by name').fill('nobody');
    await page.getByText('No identity matches.').waitFor();
    await page.getByLabel('Search by name').fill('ada');
    await page.getByRole('link', { name: 'ada@example.com' }).waitFor();
    await check('identities');
    await page.getByRole('link', { name: 'ada@example.com' }).click();
    await page.getByRole('heading', { name: 'Sign-in' }).waitFor();
    await page.getByText('Okta production', { exact: true }).waitFor();
    await check('identity');
  });

  it('shows the requests in the integration’s log, and a failed one with its reason and redacted body', async () => {
    const failed = await fetch(`${integrationUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: [USER_SCHEMA],
        userName: 'ada@example.com',
        password: 'hunter2hunter2',
      }),
    });
    expect(failed.status).toBe(409);
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByText(/· 409$/).waitFor({ timeout: 10_000 });
    // The error rate over 24 h, from the list's own aggregate: the refused token and the 409 failed.
    await page.getByRole('columnheader', { name: 'Error rate (24 h)' }).waitFor();
    const okta = page.getByRole('row', { name: /Okta production/ });
    await expect
      .poll(async () => (await okta.textContent()) ?? '')
      .toMatch(/\d+(\.\d)?% \([1-9]\d* of \d+\)/);
    await check('integrations');
    await page.getByRole('link', { name: 'Okta production' }).click();
    await page.getByRole('heading', { name: 'Provisioning log' }).waitFor();
    const log = page.locator('section', { has: page.getByRole('heading', { name: 'Provisioning log' }) });
    await log.getByRole('cell', { name: '201', exact: true }).waitFor();
    await log.getByLabel('Outcome').selectOption('failure');
    await log.getByRole('cell', { name: '409', exact: true }).waitFor();
    await expect.poll(() => log.getByRole('cell', { name: '201', exact: true }).count()).toBe(0);
    await log
      .getByRole('row', { name: /POST .*Users 409/ })
      .getByRole('button')
      .click();
    const detail = log.getByRole('region', { name: /POST .*Users → 409/ });
    await detail.waitFor();
    const text = (await detail.textContent()) ?? '';
    expect(text).toMatch(/What happened.*userName/);
    expect(text).not.toContain('hunter2hunter2');
    await check('integration-log');
  });

  it('shows an identity’s history after a SCIM PATCH, its request linked to the log entry', async () => {
    const scim = (path: string, init: RequestInit = {}) =>
      fetch(`${integrationUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      });
    const found = await scim(`/Users?filter=${encodeURIComponent('userName eq "ada@example.com"')}`);
    const scimId = ((await found.json()) as { Resources: { id: string }[] }).Resources[0]?.id ?? '';
    const patched = await scim(`/Users/${scimId}`, {
      method: 'PATCH',
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'title', value: 'Countess' }],
      }),
    });
    expect(patched.status).toBe(200);
    const requestId = patched.headers.get('x-request-id') ?? '';
    expect(requestId).not.toBe('');

    await page.getByRole('link', { name: 'Identities' }).click();
    await page.getByRole('link', { name: 'ada@example.com' }).click();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'History' }) });
    const change = history.getByRole('row', { name: new RegExp(requestId) });
    await change.waitFor();
    const words = (await change.textContent()) ?? '';
    expect(words).toContain('Updated');
    expect(words).toContain('profile');
    expect(words).toContain('Integration Okta production');
    await history.getByRole('cell', { name: 'Created', exact: true }).waitFor();
    await page.getByText('Countess').waitFor();
    await check('identity-history');

    await change.getByRole('link').click();
    const detail = page.getByRole('region', { name: /PATCH .*Users.* → 200/ });
    await detail.waitFor({ timeout: 10_000 });
    expect(await detail.textContent()).toContain(requestId);
    await check('integration-log-request');
  });

  it('changes the identity-name mapping through the preview and follows the remap to its end', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('link', { name: 'Okta production' }).click();
    await page.getByRole('heading', { name: 'Identity mapping' }).waitFor();
    await page.getByLabel('Identity name').selectOption('displayName');
    await page.getByRole('button', { name: 'Preview the change' }).click();
    await page.getByText('of 1 identities would change').waitFor();
    await page.getByRole('cell', { name: 'Ada Lovelace', exact: true }).waitFor();
    await check('integration-preview');
    await page.getByRole('button', { name: 'Apply to 1 identities' }).click();
    await page.getByText(/Remap finished: 1 of 1 identities, 1 changed/).waitFor({ timeout: 20_000 });
    await check('integration-remapped');
    await page.getByRole('link', { name: 'Identities' }).click();
    await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
  });

  it('rotates the token after the warning; the old token is refused at once', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('link', { name: 'Okta production' }).click();
    await page.getByRole('button', { name: 'Generate a new token…' }).click();
    await page.getByText('stops the current one at once').waitFor();
    await check('integration-rotate-warning');
    await page.getByRole('button', { name: 'Generate a new token', exact: true }).click();
    const fresh = await page.getByRole('textbox', { name: 'Token', exact: true }).inputValue();
    expect(fresh).toMatch(/^roster_scim_/);
    expect(fresh).not.toBe(token);
    const as = (bearer: string) =>
      fetch(`${integrationUrl}/Users`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await as(token)).status).toBe(401);
    expect((await as(fresh)).status).toBe(200);
    // Paused, the IdP is told to retry later; resumed, it is served again.
    await page.getByLabel('I have copied the token').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByText(/Paused since/).waitFor();
    expect((await as(fresh)).status).toBe(503);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByText(/Pausing answers every SCIM request/).waitFor();
    expect((await as(fresh)).status).toBe(200);
  });

  it('shows groups, roles, auth policies, JWT signers, webhooks, setup links, admin keys and console accounts', async () => {
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByLabel('New role name').fill('Developer');
    await page.getByLabel('Permissions (separated by spaces or commas)').fill('repo:write ci:run');
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('cell', { name: 'Developer', exact: true }).waitFor();
    await check('roles');
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('New group name').fill('Engineering');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('cell', { name: 'Engineering', exact: true }).waitFor();
    await check('groups');
    await page.getByRole('button', { name: 'Rename Engineering' }).click();
    await page.getByLabel('New name of Engineering').fill('Platform Engineering');
    await check('groups-rename');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('cell', { name: 'Platform Engineering', exact: true }).waitFor();
    for (const [link, heading, shot] of [
      ['Auth policies', 'Auth policies', 'auth-policies'],
      ['JWT signers', 'JWT signers', 'jwt-signers'],
      ['Webhooks', 'Webhooks', 'webhooks'],
      ['Setup links', 'Setup links', 'setup-links'],
      ['Admin keys', 'Admin keys', 'admin-keys'],
      ['Console accounts', 'Console accounts', 'console-accounts'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page
        .getByRole('status')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await check(shot);
    }
  });

  it('creates a JWT signer and edits it; the API answers it as saved', async () => {
    await page.getByRole('link', { name: 'JWT signers' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Corporate SSO');
    await page.getByLabel('Issuer', { exact: true }).fill('https://sso.example.com');
    await page.getByLabel('Audience', { exact: true }).fill('roster-app');
    await page.getByLabel('JWKS URL', { exact: true }).fill('https://sso.example.com/jwks');
    await page.getByRole('button', { name: 'Create signer' }).click();
    const row = page.getByRole('row', { name: /Corporate SSO/ });
    await row.getByRole('cell', { name: 'roster-app', exact: true }).waitFor();
    await row.getByRole('button', { name: 'Edit Corporate SSO' }).click();
    const form = page.getByRole('form', { name: 'Edit Corporate SSO' });
    await form.getByLabel('Audience', { exact: true }).fill('roster-app-v2');
    await form.getByLabel('External ID claim').fill('email');
    await check('jwt-signer-edit');
    await form.getByRole('button', { name: 'Save signer' }).click();
    await row.getByRole('cell', { name: 'roster-app-v2', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'email', exact: true }).waitFor();
    const signers = (await (
      await admin('GET', `/api/v1/organizations/${defaultOrg}/jwt-signers`)
    ).json()) as {
      data: { name: string; audience: string; externalIdClaim: string; issuer: string }[];
    };
    expect(signers.data.find((s) => s.name === 'Corporate SSO')).toMatchObject({
      issuer: 'https://sso.example.com',
      audience: 'roster-app-v2',
      externalIdClaim: 'email',
    });
  });

  it('creates and edits an auth policy', async () => {
    await page.getByRole('link', { name: 'Auth policies' }).click();
    await page.getByLabel('Name').fill('Employees');
    await page.getByLabel(/Require multi-factor sign-in/).check();
    await page.getByRole('button', { name: 'Create policy' }).click();
    const row = page.getByRole('row', { name: /Employees/ });
    await row.getByRole('cell', { name: 'amr ∋ mfa' }).waitFor();
    await row.getByRole('button', { name: 'Edit Employees' }).click();
    await row.getByLabel('Require multi-factor sign-in').uncheck();
    await row.getByRole('button', { name: 'Save' }).click();
    // The row has other empty ("–") cells already, so wait for the requirement's own cell to go.
    await row.getByRole('cell', { name: 'amr ∋ mfa' }).waitFor({ state: 'detached' });
    expect(await row.getByRole('cell', { name: 'amr ∋ mfa' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Edit Employees' }).waitFor();
  });

  it('a self-serve setup link opens a console for its organization only, once', async () => {
    const acme = (await (await admin('POST', '/api/v1/organizations', { name: 'acme' })).json()) as {
      id: string;
    };
    await page.goto(`${origin}/console/orgs/${acme.id}/setup-links`);
    await page.getByLabel('For (who receives it)').fill('Acme IT');
    await page.getByRole('button', { name: 'Create link' }).click();
    const link = await page.getByRole('textbox', { name: 'Setup link', exact: true }).inputValue();
    expect(link).toMatch(/\/console\/setup#roster_link_/);
    await page.getByText('active').first().waitFor();

    const customer = await newPage();
    await customer.goto(link);
    await customer
      .getByRole('heading', { name: 'Integrations' })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await customer.locator('body').innerText()}`);
      });
    expect(customer.url()).toBe(`${origin}/console/orgs/${acme.id}/integrations`);
    const nav = await customer.getByRole('navigation', { name: 'Console' }).textContent();
    expect(nav).toContain('Integrations');
    expect(nav).not.toContain('Identities');
    expect(nav).not.toContain('Admin keys');
    await check('setup-console', customer);
    const other = await customer.evaluate(
      async (id) => (await fetch(`/api/v1/organizations/${id}/integrations`)).status,
      defaultOrg,
    );
    expect(other).toBe(404);
    await customer.getByRole('link', { name: 'New integration' }).click();
    await customer.getByLabel('Integration name').fill('Acme Entra');
    await customer.getByLabel('Identity provider').selectOption('entra');
    await customer.getByRole('button', { name: 'Next' }).click();
    await customer.getByRole('button', { name: 'Create and generate token' }).click();
    await customer.getByLabel('I have copied the token').check();
    await customer.getByRole('button', { name: 'Next' }).click();
    await customer.getByText('Tenant URL').first().waitFor();

    const again = await newPage();
    await again.goto(link);
    await again.getByText('This setup link cannot be used').waitFor();
    await page.reload();
    await page.getByText('used').first().waitFor();
  });

  it("an organization's account cannot reach another organization's pages or API", async () => {
    const acme = (
      (await (await admin('GET', '/api/v1/organizations')).json()) as { data: { id: string; name: string }[] }
    ).data.find((o) => o.name === 'acme')!;
    const invited = (await (
      await admin('POST', '/api/v1/console-accounts', { email: 'it@acme.example', organizationId: acme.id })
    ).json()) as { invitation: { url: string } };
    const person = await newPage();
    await person.goto(invited.invitation.url);
    await person.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await person.getByLabel('Password (at least 12 characters)').fill(PASSWORD);
    await person.getByLabel('Password again').fill(PASSWORD);
    await person.getByRole('button', { name: 'Save and sign in' }).click();
    await person.getByRole('heading', { name: 'Integrations' }).waitFor();
    expect(person.url()).toBe(`${origin}/console/orgs/${acme.id}/integrations`);
    await person.getByRole('link', { name: 'Acme Entra' }).waitFor();

    await person.goto(`${origin}/console/orgs/${defaultOrg}/integrations`);
    await person.getByText('Could not load the integrations').waitFor();
    await person.getByText(`No organization with id "${defaultOrg}"`).waitFor();
    await check('org-account-refused', person);
    const statuses = await person.evaluate(async (id) => {
      const session = (await (await fetch('/api/v1/console/session')).json()) as { csrfToken: string };
      const read = await fetch(`/api/v1/organizations/${id}/identities`);
      const write = await fetch(`/api/v1/organizations/${id}/roles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-roster-csrf': session.csrfToken },
        body: JSON.stringify({ name: 'intruder', permissions: ['x'] }),
      });
      const keys = await fetch('/api/v1/admin-keys');
      return [read.status, write.status, keys.status];
    }, defaultOrg);
    expect(statuses).toEqual([404, 404, 403]);
  });
});
