import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRosterClient, RosterApiError } from '../src/client/index.js';
import { AdminClient, issueAdminKey } from './support/admin-client.js';
import {
  epochSeconds,
  JwksServer,
  makeKey,
  signToken,
  type SigningKey,
} from './support/identity-provider-keys.js';
import { RosterHarness, testEngines } from './support/roster-harness.js';

describe.each(testEngines)('the typed client (roster/client) on $name', (engine) => {
  let roster: RosterHarness;
  let idp: JwksServer;
  let key: SigningKey;
  let organizationId: string;
  let apiKey: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    key = await makeKey('ES256', 'k1');
    idp = await JwksServer.start([key]);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    apiKey = (await issueAdminKey(roster, organizationId, 'the app')).secret;
    const admin = await AdminClient.installation(roster);
    const api = `/organizations/${organizationId}`;
    await admin.post(`${api}/jwt-signers`, {
      name: 'SSO',
      issuer: 'https://sso.test',
      audience: 'app',
      jwksUrl: idp.url,
    });
    const okta = await roster.createIntegration('okta');
    await admin.patch(`${api}/integrations/${okta.id}/settings`, { signInExternalId: 'userName' });
    expect((await roster.request(okta, 'POST', '/Users', { userName: 'ada@example.com' })).status).toBe(201);
  });
  afterAll(async () => {
    await roster.close();
    await idp.close();
  });

  const idToken = (claims: Record<string, unknown> = {}) =>
    signToken(key, {
      iss: 'https://sso.test',
      aud: 'app',
      sub: 'ada@example.com',
      exp: epochSeconds(roster.clock.now()) + 60,
      ...claims,
    });

  it('checks a sign-in in a few lines, as the README shows', async () => {
    const client = createRosterClient({ baseUrl: `${roster.origin}/`, apiKey });
    const result = await client.verify(organizationId, await idToken());
    if (!result.ok) throw new Error(`refused: ${result.code}`);
    expect(result.identity.name).toBe('ada@example.com');
    expect(result.identity.permissions).toEqual([]);
    const refused = await client.verify(organizationId, await idToken({ aud: 'another' }));
    expect(refused).toMatchObject({ ok: false, code: 'wrong_audience' });
  });

  it('reaches the rest of the admin API, typed', async () => {
    const client = createRosterClient({ baseUrl: roster.origin, apiKey });
    const { data, response } = await client.api.GET('/api/v1/organizations/{organizationId}/jwt-signers', {
      params: { path: { organizationId } },
    });
    expect(response.status).toBe(200);
    expect(data?.data.map((s) => s.name)).toEqual(['SSO']);
  });

  it('throws RosterApiError when the call itself fails', async () => {
    const client = createRosterClient({ baseUrl: roster.origin, apiKey: 'roster_admin_wrong' });
    const failure = await client.verify(organizationId, await idToken()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RosterApiError);
    expect(failure).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('is what the package exports as roster/client', async () => {
    const specifier = 'roster/client';
    const exported = (await import(specifier)) as Record<string, unknown>;
    expect(typeof exported.createRosterClient).toBe('function');
    expect(typeof exported.RosterApiError).toBe('function');
  });
});
