import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client.js';
import { RosterHarness, testEngines } from './support/roster-harness.js';

describe.each(testEngines)('organizations through the admin API on $name', (engine) => {
  let roster: RosterHarness;
  let installation: AdminClient;
  let defaultOrg: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    installation = await AdminClient.installation(roster);
    defaultOrg = (await roster.store.organizations.findByName('default'))?.id as string;
  });
  afterAll(() => roster.close());

  it('refuses a NUL or a lone surrogate in a path, a query or a body with 400, stores nothing (both engines alike)', async () => {
    const inPath = await installation.get(`/organizations/${encodeURIComponent('a\u0000b')}`);
    expect(inPath.status).toBe(400);
    expect(inPath.body.error).toMatchObject({ code: 'validation_failed', details: [{ location: 'path' }] });
    const inQuery = await installation.get(
      `/organizations/${defaultOrg}/identities?status=${encodeURIComponent('\u0000')}`,
    );
    expect(inQuery.status).toBe(400);
    for (const name of ['lone\ud800surrogate', 'nul\u0000name']) {
      const inBody = await installation.post('/organizations', { name });
      expect(inBody.status).toBe(400);
      expect(inBody.body.error.code).toBe('validation_failed');
    }
    const nested = await installation.post('/organizations', { name: 'fine', extra: { deep: ['\udc00'] } });
    expect(nested.status).toBe(400);
    expect(await roster.store.organizations.findByName('fine')).toBeUndefined();
  });

  it('never deletes the default organization', async () => {
    const refused = await installation.delete(`/organizations/${defaultOrg}?force=true`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      message: 'The "default" organization cannot be deleted: commands without --org use it.',
    });
    expect((await installation.get(`/organizations/${defaultOrg}`)).status).toBe(200);
  });

  it('deletes an organization with integrations only when forced, and everything in it goes', async () => {
    const created = await installation.post('/organizations', { name: 'acme' });
    expect(created.status).toBe(201);
    const org = created.body.id as string;
    const idp = await roster.createIntegration('acme-okta', 'acme');
    const user = await roster.request(idp, 'POST', '/Users', { userName: 'wile@acme.example' });
    expect(user.status).toBe(201);
    const group = await installation.post(`/organizations/${org}/groups`, { name: 'Roadrunners' });
    expect(group.status).toBe(201);
    const orgKey = await AdminClient.forOrganization(roster, org);
    expect((await orgKey.get(`/organizations/${org}/identities`)).body.data).toHaveLength(1);

    // An organization key may not delete its own organization (403), nor see another one (404).
    expect((await orgKey.delete(`/organizations/${org}?force=true`)).status).toBe(403);
    expect((await orgKey.delete(`/organizations/${defaultOrg}?force=true`)).status).toBe(404);

    const refused = await installation.delete(`/organizations/${org}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'Organization "acme" still has 1 integration(s) ("acme-okta"); delete them first, or force it, ' +
        "which also deletes their SCIM data and the organization's 1 identities.",
    );
    expect((await roster.request(idp, 'GET', '/Users')).status).toBe(200);
    expect((await installation.delete(`/organizations/${org}?force=maybe`)).status).toBe(400);

    const deleted = await installation.delete(`/organizations/${org}?force=true`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      id: org,
      name: 'acme',
      deleted: { integrations: 1, identities: 1, adminKeys: 1 },
    });
    expect((await installation.get(`/organizations/${org}`)).status).toBe(404);
    expect((await installation.delete(`/organizations/${org}`)).status).toBe(404);
    // Its SCIM token, its admin key and its rows went with it.
    expect((await roster.request(idp, 'GET', '/Users')).status).toBe(401);
    expect((await orgKey.get(`/organizations/${org}/identities`)).status).toBe(401);
    expect(await roster.store.identities.countInOrganization({ organizationId: org })).toBe(0);
    expect(await roster.store.directoryGroups.list({ organizationId: org })).toEqual([]);
    expect(await roster.store.authPolicies.list({ organizationId: org })).toEqual([]);
    expect(await roster.store.integrations.list({ organizationId: org })).toEqual([]);
  });

  it('deletes an organization without integrations at once; its name is free again', async () => {
    const created = await installation.post('/organizations', { name: 'empty' });
    const deleted = await installation.delete(`/organizations/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toEqual({ integrations: 0, identities: 0, adminKeys: 0 });
    expect((await installation.post('/organizations', { name: 'empty' })).status).toBe(201);
  });
});
