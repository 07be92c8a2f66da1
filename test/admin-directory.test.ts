import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import { AdminClient } from './support/admin-client.js';

const MISSING = '01000000-0000-7000-8000-000000000000';

describe.each(testEngines)(
  'groups, roles, auth policies and JWT signers through the admin API on $name',
  (engine) => {
    let roster: RosterHarness;
    let admin: AdminClient;
    let base: string;

    beforeAll(async () => {
      roster = await RosterHarness.start(engine);
      const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
      // An organization key manages everything inside its organization.
      admin = await AdminClient.forOrganization(roster, organizationId);
      base = `/organizations/${organizationId}`;
    });
    afterAll(() => roster.close());

    it('creates, lists, reads and deletes directory groups; names are unique in any case', async () => {
      const created = await admin.post(`${base}/groups`, { name: 'Finance' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Finance', roles: [] });
      expect((await admin.post(`${base}/groups`, { name: 'FINANCE' })).status).toBe(409);
      expect((await admin.post(`${base}/groups`, { name: ' ' })).status).toBe(400);
      expect((await admin.get(`${base}/groups`)).body.data).toContainEqual(created.body);
      expect((await admin.get(`${base}/groups/${created.body.id}`)).body).toEqual(created.body);

      const role = await admin.post(`${base}/roles`, { name: 'Auditor', permissions: ['ledger:read'] });
      const withRoles = await admin.put(`${base}/groups/${created.body.id}/roles`, { roles: [role.body.id] });
      expect(withRoles.body.roles).toEqual([{ id: role.body.id, name: 'Auditor' }]);
      expect(
        (await admin.put(`${base}/groups/${created.body.id}/roles`, { roles: ['No such role'] })).status,
      ).toBe(404);
      expect((await admin.put(`${base}/groups/${created.body.id}/roles`, { roles: [] })).body.roles).toEqual(
        [],
      );

      expect((await admin.delete(`${base}/groups/${created.body.id}`)).status).toBe(204);
      expect((await admin.get(`${base}/groups/${created.body.id}`)).status).toBe(404);
      expect((await admin.delete(`${base}/groups/${created.body.id}`)).status).toBe(404);
    });

    it('renames a directory group: same id, roles and members; the name stays unique in any case', async () => {
      const group = await admin.post(`${base}/groups`, { name: 'Treasury' });
      const other = await admin.post(`${base}/groups`, { name: 'Payroll' });
      const role = await admin.post(`${base}/roles`, { name: 'Payer', permissions: ['pay:run'] });
      await admin.put(`${base}/groups/${group.body.id}/roles`, { roles: [role.body.id] });
      const before = (await admin.get(`${base}/events/cursor`)).body.cursor as string;

      const renamed = await admin.patch(`${base}/groups/${group.body.id}`, { name: 'Treasury & Tax' });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(renamed.body).toEqual({
        ...group.body,
        name: 'Treasury & Tax',
        roles: [{ id: role.body.id, name: 'Payer' }],
      });
      expect((await admin.get(`${base}/groups/${group.body.id}`)).body.name).toBe('Treasury & Tax');
      // A case-only rename of itself is allowed; another group's name in any case is not.
      expect((await admin.patch(`${base}/groups/${group.body.id}`, { name: 'TREASURY & TAX' })).status).toBe(
        200,
      );
      const taken = await admin.patch(`${base}/groups/${group.body.id}`, { name: 'payroll' });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('conflict');
      const blank = await admin.patch(`${base}/groups/${group.body.id}`, { name: ' ' });
      expect(blank.status).toBe(400);
      expect(blank.body.error.code).toBe('validation_failed');
      expect((await admin.patch(`${base}/groups/${group.body.id}`, {})).status).toBe(400);
      expect((await admin.patch(`${base}/groups/${MISSING}`, { name: 'Nobody' })).status).toBe(404);
      // Its old name is free again.
      expect((await admin.post(`${base}/groups`, { name: 'Treasury' })).status).toBe(201);

      const events = (await admin.get(`${base}/events?after=${encodeURIComponent(before)}`)).body.data;
      expect(
        events
          .filter((e: { type: string }) => e.type === 'group.updated')
          .map((e: { changed: string[]; data: { name: string } }) => [e.changed, e.data.name]),
      ).toEqual([
        [['name'], 'Treasury & Tax'],
        [['name'], 'TREASURY & TAX'],
      ]);
      expect(other.status).toBe(201);
    });

    it('lists the members of a group, paged by cursor', async () => {
      const idp = await roster.createIntegration('members');
      const members = [];
      for (let i = 0; i < 5; i++) {
        const user = await roster.request(idp, 'POST', '/Users', { userName: `member${i}@example.com` });
        members.push({ value: user.body.id as string });
      }
      await roster.request(idp, 'POST', '/Users', { userName: 'outsider@example.com' });
      await roster.request(idp, 'POST', '/Groups', { displayName: 'Support', members });
      const group = (await admin.get(`${base}/groups`)).body.data.find(
        (g: { name: string }) => g.name === 'Support',
      );
      const first = await admin.get(`${base}/groups/${group.id}/members?limit=3`);
      expect(first.body.data).toHaveLength(3);
      const second = await admin.get(
        `${base}/groups/${group.id}/members?limit=3&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.nextCursor).toBeNull();
      const names = [...first.body.data, ...second.body.data].map((i: { name: string }) => i.name).sort();
      expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `member${i}@example.com`));
      expect((await admin.get(`${base}/groups/${MISSING}/members`)).status).toBe(404);
    });

    it('creates, reads, changes and deletes roles', async () => {
      const created = await admin.post(`${base}/roles`, { name: 'Billing', permissions: ['billing:read'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Billing', permissions: ['billing:read'] });
      expect((await admin.post(`${base}/roles`, { name: 'Billing' })).status).toBe(409);
      const invalid = await admin.post(`${base}/roles`, { name: 'Spaces', permissions: ['has space'] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details).toEqual([
        expect.objectContaining({ field: 'permissions.0', location: 'body' }),
      ]);
      expect((await admin.get(`${base}/roles`)).body.data).toContainEqual(created.body);
      expect((await admin.get(`${base}/roles/${created.body.id}`)).body).toEqual(created.body);

      const changed = await admin.patch(`${base}/roles/${created.body.id}`, {
        permissions: ['billing:read', 'billing:write'],
      });
      expect(changed.body.permissions).toEqual(['billing:read', 'billing:write']);
      const other = await admin.post(`${base}/roles`, { name: 'Other' });
      expect((await admin.patch(`${base}/roles/${other.body.id}`, { name: 'Billing' })).status).toBe(409);
      expect((await admin.patch(`${base}/roles/${other.body.id}`, {})).status).toBe(400);
      expect((await admin.patch(`${base}/roles/${MISSING}`, { name: 'x' })).status).toBe(404);

      expect((await admin.delete(`${base}/roles/${created.body.id}`)).status).toBe(204);
      expect((await admin.get(`${base}/roles/${created.body.id}`)).status).toBe(404);
    });

    it('manages JWT signers, checking the key source, and auth policies that list them', async () => {
      const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ type: 'spki', format: 'pem' })
        .toString();
      const signer = await admin.post(`${base}/jwt-signers`, {
        name: 'App sign-in',
        issuer: 'https://auth.example.com',
        audience: 'roster',
        publicKeyPem,
      });
      expect(signer.status).toBe(201);
      expect(signer.body).toMatchObject({ externalIdClaim: 'sub', enabled: true, jwksUrl: null });
      const both = await admin.post(`${base}/jwt-signers`, {
        name: 'Both',
        issuer: 'i',
        audience: 'a',
        publicKeyPem,
        jwksUrl: 'https://auth.example.com/jwks',
      });
      expect(both.status).toBe(400);
      expect(both.body.error.code).toBe('validation_failed');
      const plainHttp = await admin.post(`${base}/jwt-signers`, {
        name: 'Plain',
        issuer: 'i',
        audience: 'a',
        jwksUrl: 'http://auth.example.com/jwks',
      });
      expect(plainHttp.status).toBe(400);
      const missing = await admin.post(`${base}/jwt-signers`, { name: 'Missing' });
      expect(missing.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'audience',
        'issuer',
      ]);
      expect((await admin.get(`${base}/jwt-signers`)).body.data).toContainEqual(signer.body);

      const disabled = await admin.patch(`${base}/jwt-signers/${signer.body.id}`, { enabled: false });
      expect(disabled.body.enabled).toBe(false);
      expect((await admin.get(`${base}/jwt-signers/${signer.body.id}`)).body.enabled).toBe(false);

      const policies = await admin.get(`${base}/auth-policies`);
      const defaultPolicy = policies.body.data[0];
      expect(defaultPolicy).toMatchObject({ name: 'Default', isDefault: true });
      expect((await admin.delete(`${base}/auth-policies/${defaultPolicy.id}`)).status).toBe(409);
      expect((await admin.patch(`${base}/auth-policies/${defaultPolicy.id}`, { name: 'Mine' })).status).toBe(
        409,
      );

      const policy = await admin.post(`${base}/auth-policies`, {
        name: 'Employees',
        signers: ['App sign-in'],
      });
      expect(policy.status).toBe(201);
      expect(policy.body).toMatchObject({ name: 'Employees', isDefault: false, signerIds: [signer.body.id] });
      expect((await admin.post(`${base}/auth-policies`, { name: 'Employees' })).status).toBe(409);
      expect(
        (await admin.post(`${base}/auth-policies`, { name: 'Ghosts', signers: ['nobody'] })).status,
      ).toBe(404);
      const renamed = await admin.patch(`${base}/auth-policies/${policy.body.id}`, { name: 'Staff' });
      expect(renamed.body).toMatchObject({ name: 'Staff', signerIds: [signer.body.id] });
      expect((await admin.get(`${base}/auth-policies/${policy.body.id}`)).body).toEqual(renamed.body);

      // An integration that uses the policy keeps it from being deleted.
      const idp = await roster.createIntegration('policy-user');
      await admin.patch(`${base}/integrations/${idp.id}/settings`, { authPolicyId: policy.body.id });
      expect((await admin.delete(`${base}/auth-policies/${policy.body.id}`)).status).toBe(409);
      await admin.patch(`${base}/integrations/${idp.id}/settings`, { authPolicyId: null });

      // Deleting the signer takes it out of the policy.
      expect((await admin.delete(`${base}/jwt-signers/${signer.body.id}`)).status).toBe(204);
      expect((await admin.get(`${base}/auth-policies/${policy.body.id}`)).body.signerIds).toEqual([]);
      expect((await admin.get(`${base}/jwt-signers/${signer.body.id}`)).status).toBe(404);
      expect((await admin.delete(`${base}/auth-policies/${policy.body.id}`)).status).toBe(204);
      expect((await admin.get(`${base}/auth-policies/${policy.body.id}`)).status).toBe(404);
    });

    it('answers unknown endpoints and methods with the admin error body, not the SCIM one', async () => {
      const unknown = await admin.get(`${base}/widgets`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        error: { code: 'not_found', message: expect.any(String) },
        requestId: expect.any(String),
      });
      const wrongType = await admin.request('POST', `${base}/roles`, 'name=x', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(wrongType.status).toBe(415);
      expect(wrongType.body.error.code).toBe('unsupported_media_type');
    });
  },
);
