import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import { AdminClient, issueAdminKey } from './support/admin-client.js';

describe.each(testEngines)('admin API keys and tenant isolation on $name', (engine) => {
  let roster: RosterHarness;
  let installation: AdminClient;
  let defaultOrg: string;
  let otherOrg: string;
  let otherIntegration: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    installation = await AdminClient.installation(roster);
    defaultOrg = (await roster.store.organizations.findByName('default'))?.id as string;
    otherOrg = await roster.createOrganization('acme');
    otherIntegration = (await roster.createIntegration('acme-okta', 'acme')).id;
  });
  afterAll(() => roster.close());

  const anonymous = () => new AdminClient(roster.origin, undefined);

  it('refuses a request with no key, a malformed or unknown key, or a SCIM token, all with the same 401', async () => {
    const scim = await roster.createIntegration();
    const keys = [
      undefined,
      'roster_admin_',
      `roster_admin_${'A'.repeat(43)}`,
      'not-a-roster-key',
      scim.token,
    ];
    const bodies = new Set<string>();
    for (const key of keys) {
      const response = await new AdminClient(roster.origin, key).get('/organizations');
      expect(response.status, String(key)).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(response.body.error.code).toBe('unauthorized');
      bodies.add(response.body.error.message);
    }
    expect(bodies.size).toBe(1);
    // Even paths that do not exist: no key, no answer about what exists.
    expect((await anonymous().get('/no-such-thing')).status).toBe(401);
    expect((await installation.get('/no-such-thing')).status).toBe(404);
  });

  it('refuses a revoked key at once, and says so in the key list', async () => {
    const { id, secret } = await issueAdminKey(roster, null, 'to revoke');
    const client = new AdminClient(roster.origin, secret);
    expect((await client.get('/organizations')).status).toBe(200);
    const revoked = await installation.delete(`/admin-keys/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, name: 'to revoke', revokedAt: expect.any(String) });
    expect((await client.get('/organizations')).status).toBe(401);
    const listed = await installation.get('/admin-keys');
    expect(listed.body.data.find((k: { id: string }) => k.id === id).revokedAt).toBe(revoked.body.revokedAt);
    expect((await installation.delete('/admin-keys/01000000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it("gives an organization key 404 for every path of another organization, even for that organization's real ids", async () => {
    const key = await AdminClient.forOrganization(roster, defaultOrg);
    const paths = [
      `/organizations/${otherOrg}`,
      `/organizations/${otherOrg}/integrations`,
      `/organizations/${otherOrg}/integrations/${otherIntegration}`,
      `/organizations/${otherOrg}/identities`,
      `/organizations/${otherOrg}/groups`,
      `/organizations/${otherOrg}/roles`,
      `/organizations/${otherOrg}/auth-policies`,
      `/organizations/${otherOrg}/jwt-signers`,
      `/organizations/${otherOrg}/integrations/${otherIntegration}/settings`,
      // Its own organization in the URL, another tenant's integration id: still not found.
      `/organizations/${defaultOrg}/integrations/${otherIntegration}`,
      `/organizations/${defaultOrg}/integrations/${otherIntegration}/group-mappings`,
    ];
    for (const path of paths) {
      const response = await key.get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    // Writes too, and a 404 comes before any validation of the body.
    const writes = [
      await key.post(`/organizations/${otherOrg}/integrations`, { name: 'sneaky' }),
      await key.post(`/organizations/${otherOrg}/roles`, { bad: true }),
      await key.post(`/organizations/${otherOrg}/integrations/${otherIntegration}/token`),
      await key.delete(`/organizations/${otherOrg}/integrations/${otherIntegration}?identities=delete`),
      await key.delete(`/organizations/${defaultOrg}/integrations/${otherIntegration}?identities=delete`),
    ];
    expect(writes.map((w) => w.status)).toEqual([404, 404, 404, 404, 404]);
    // A missing organization answers exactly like another tenant's.
    const missing = await key.get('/organizations/01000000-0000-7000-8000-000000000000/roles');
    expect(missing.status).toBe(404);
    expect(await roster.store.integrations.findInInstallation(otherIntegration)).toBeDefined();
  });

  it('shows an organization key only its own organization, and keeps installation operations from it (403)', async () => {
    const key = await AdminClient.forOrganization(roster, defaultOrg);
    const listed = await key.get('/organizations');
    expect(listed.body.data.map((o: { id: string }) => o.id)).toEqual([defaultOrg]);
    expect((await key.get(`/organizations/${defaultOrg}`)).status).toBe(200);
    const create = await key.post('/organizations', { name: 'not allowed' });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    expect((await key.get('/admin-keys')).status).toBe(403);
    expect((await key.post('/admin-keys', { name: 'escalate' })).status).toBe(403);
  });

  it('lets an installation key create and list organizations; names are unique (409)', async () => {
    const created = await installation.post('/organizations', { name: 'Globex' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Globex', createdAt: expect.any(String) });
    const listed = await installation.get('/organizations');
    expect(listed.body.data.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['default', 'acme', 'Globex']),
    );
    expect((await installation.get(`/organizations/${created.body.id}`)).body).toEqual(created.body);
    // Every organization starts with its Default auth policy.
    const policies = await installation.get(`/organizations/${created.body.id}/auth-policies`);
    expect(policies.body.data).toEqual([expect.objectContaining({ name: 'Default', isDefault: true })]);
    const duplicate = await installation.post('/organizations', { name: 'Globex' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('conflict');
  });

  it('issues keys over the API: the secret once, a hint and the last-used time in lists', async () => {
    const created = await installation.post('/admin-keys', { name: 'ci for acme', organizationId: otherOrg });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^roster_admin_[A-Za-z0-9_-]{43}$/);
    expect(created.body.hint).toBe(`${created.body.secret.slice(0, 17)}…`);
    expect(created.body).toMatchObject({ name: 'ci for acme', organizationId: otherOrg, lastUsedAt: null });
    const stored = await roster.store.adminKeys.findById(created.body.id);
    expect(JSON.stringify(stored)).not.toContain(created.body.secret);

    const acme = new AdminClient(roster.origin, created.body.secret);
    expect((await acme.get(`/organizations/${otherOrg}/integrations`)).status).toBe(200);
    expect((await acme.get(`/organizations/${defaultOrg}/integrations`)).status).toBe(404);

    const listed = await installation.get(`/admin-keys?organizationId=${otherOrg}`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: created.body.id, lastUsedAt: expect.any(String), revokedAt: null }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const unknownOrg = await installation.post('/admin-keys', {
      name: 'x',
      organizationId: '01000000-0000-7000-8000-000000000000',
    });
    expect(unknownOrg.status).toBe(404);
  });

  it('puts a request id on every response: the caller’s when sane, else a new one, also in error bodies', async () => {
    const echoed = await installation.request('GET', '/organizations', undefined, {
      'x-request-id': 'trace-42.a',
    });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42.a');
    const insane = await installation.request('GET', '/organizations', undefined, {
      'x-request-id': 'has spaces and <tags>',
    });
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await anonymous().request('GET', '/organizations', undefined, { 'x-request-id': 'abc' });
    expect(failed.body.requestId).toBe('abc');
    expect(failed.headers.get('x-request-id')).toBe('abc');
    // SCIM and health responses carry it too, and SCIM keeps its own error format.
    const scim = await fetch(`${roster.origin}/scim/v2/${otherIntegration}/Users`, {
      headers: { 'x-request-id': 'scim-1' },
    });
    expect(scim.headers.get('x-request-id')).toBe('scim-1');
    expect(await scim.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] });
    const health = await fetch(`${roster.origin}/healthz`);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
