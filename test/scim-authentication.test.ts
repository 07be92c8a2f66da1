import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateIntegrationToken } from '../src/directory/integrations/rotate-integration-token.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

describe.each(testEngines)('SCIM bearer-token authentication on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let other: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration('primary');
    other = await roster.createIntegration('secondary');
  });
  afterAll(() => roster.close());

  async function expectUnauthorized(
    response: Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>,
  ) {
    const result = await response;
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(result.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
  }

  it('issues recognisable 256-bit tokens and stores only a hash', async () => {
    expect(idp.token).toMatch(/^roster_scim_[A-Za-z0-9_-]{43}$/);
    const credential = await roster.store.integrations.findCredential(idp.id);
    expect(credential?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(credential?.tokenHash).not.toContain(idp.token);
  });

  it('accepts the right token, with the scheme in any case', async () => {
    expect((await roster.request(idp, 'GET', '/Users')).status).toBe(200);
    const lower = await roster.request(idp, 'GET', '/Users', undefined, {
      authorization: `bearer ${idp.token}`,
    });
    expect(lower.status).toBe(200);
  });

  it('refuses a missing token', () =>
    expectUnauthorized(roster.request(idp, 'GET', '/Users', undefined, { authorization: '' })));

  it('refuses a wrong token', () =>
    expectUnauthorized(roster.request({ ...idp, token: idp.token.slice(0, -2) + 'xx' }, 'GET', '/Users')));

  it('refuses a non-bearer scheme', () =>
    expectUnauthorized(
      roster.request(idp, 'GET', '/Users', undefined, { authorization: `Basic ${idp.token}` }),
    ));

  it("refuses another integration's token", () =>
    expectUnauthorized(roster.request({ ...idp, token: other.token }, 'GET', '/Users')));

  it('refuses a token for an integration that does not exist', () =>
    expectUnauthorized(
      roster.request(
        { ...idp, url: idp.url.replace(idp.id, '00000000-0000-4000-8000-000000000000') },
        'GET',
        '/Users',
      ),
    ));

  it('protects discovery endpoints too', () =>
    expectUnauthorized(
      roster.request(idp, 'GET', '/ServiceProviderConfig', undefined, { authorization: '' }),
    ));

  it('refuses a rotated-away token at once and accepts the new one', async () => {
    const { token } = await rotateIntegrationToken(
      { store: roster.store, clock: roster.clock, ids },
      idp.scope,
      365,
    );
    await expectUnauthorized(roster.request(idp, 'GET', '/Users'));
    const rotated = { ...idp, token };
    expect((await roster.request(rotated, 'GET', '/Users')).status).toBe(200);
    idp = rotated;
  });

  // A user's GET reads the user in the statement that reads the credential (user-read-ahead.ts): the
  // refusal must be the same, and carry nothing of the user.
  it('refuses a read of an existing user by id with a wrong, foreign or rotated-away token, revealing nothing', async () => {
    const created = await roster.request(idp, 'POST', '/Users', { userName: 'read-ahead-secret' });
    const path = `/Users/${created.body.id as string}`;
    for (const caller of [
      { ...idp, token: idp.token.slice(0, -2) + 'xx' },
      { ...idp, token: other.token },
    ]) {
      const refused = await roster.request(caller, 'GET', path);
      await expectUnauthorized(Promise.resolve(refused));
      expect(JSON.stringify(refused.body)).not.toContain('read-ahead-secret');
    }
    const { token } = await rotateIntegrationToken(
      { store: roster.store, clock: roster.clock, ids },
      idp.scope,
      365,
    );
    await expectUnauthorized(roster.request(idp, 'GET', path));
    idp = { ...idp, token };
    const read = await roster.request(idp, 'GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ userName: 'read-ahead-secret' });
  });

  it('refuses an expired token after its lifetime', async () => {
    const shortLived = await roster.createIntegration('short-lived');
    expect((await roster.request(shortLived, 'GET', '/Users')).status).toBe(200);
    roster.clock.advanceDays(366);
    try {
      await expectUnauthorized(roster.request(shortLived, 'GET', '/Users'));
    } finally {
      roster.clock.advanceDays(-366);
    }
  });

  it('keeps integrations apart: a token sees only what its integration provisioned', async () => {
    const mine = await roster.request(idp, 'POST', '/Users', { userName: 'only-mine' });
    expect(mine.status).toBe(201);
    const id = mine.body.id as string;
    expect((await roster.request(other, 'GET', `/Users/${id}`)).status).toBe(404);
    expect((await roster.request(other, 'DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await roster.request(other, 'PUT', `/Users/${id}`, { userName: 'stolen' })).status).toBe(404);
    const list = await roster.request(
      other,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "only-mine"')}`,
    );
    expect(list.body.totalResults).toBe(0);
    // SCIM userNames are per integration, but identity names are per organization: the same userName
    // from a second integration of the same organization collides on the identity, and says so.
    const sameOrganization = await roster.request(other, 'POST', '/Users', { userName: 'only-mine' });
    expect(sameOrganization.status).toBe(409);
    expect(sameOrganization.body.detail).toContain('identity name');
    // In another organization it is free.
    await roster.createOrganization('acme');
    const elsewhere = await roster.createIntegration('acme-idp', 'acme');
    expect((await roster.request(elsewhere, 'POST', '/Users', { userName: 'only-mine' })).status).toBe(201);
  });
});
