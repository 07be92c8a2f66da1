/**
 * Retries, re-provisioning and identity continuity (issue 11): the SCIM resource follows the RFC
 * exactly (a duplicate create is 409, a deleted resource is gone for good and its id never comes back),
 * while the directory identity keeps its history (a new SCIM user may continue a deleted identity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateIntegrationSettings } from '../src/directory/integrations/update-integration-settings.js';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { updateOrganizationSettings } from '../src/directory/organizations/update-organization-settings.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });

describe.each(testEngines)('retries, re-provisioning and identity continuity on $name', (engine) => {
  let roster: RosterHarness;
  let organizationId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
  });
  afterAll(() => roster.close());

  const deps = () => ({ store: roster.store, clock: roster.clock, ids });
  const settle = async (idp: IntegrationHandle, change: Record<string, unknown>) => {
    await updateIntegrationSettings(deps(), idp.scope, change);
    await runRemapJobs(deps(), { owner: 'test' });
  };
  const identityOf = (idp: IntegrationHandle, scimId: string) =>
    roster.store.identities.findBySource({ organizationId, integrationId: idp.id }, scimId);
  // In an organization of its own, so the identity names of the same users do not meet.
  const strictIntegration = async () => {
    const name = `strict-${ids.newId()}`;
    await roster.createOrganization(name);
    const idp = await roster.createIntegration('strict', name);
    await settle(idp, { compatibility: 'strict' });
    return idp;
  };
  const created = async (idp: IntegrationHandle, body: Record<string, unknown>) => {
    const response = await roster.request(idp, 'POST', '/Users', body);
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };

  it('RFC 7644 §3.3: a create with the userName and externalId of an active user is 409 and overwrites nothing', async () => {
    const idp = await roster.createIntegration();
    const id = await created(idp, { userName: 'ada', externalId: 'E-1', displayName: 'Ada' });
    const duplicate = await roster.request(idp, 'POST', '/Users', {
      userName: 'ADA',
      externalId: 'E-1',
      displayName: 'Somebody Else',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await roster.request(idp, 'GET', `/Users/${id}`)).body).toMatchObject({ displayName: 'Ada' });
  });

  it('answers an identical create repeated within the window with the user it made (Entra retries), and strict mode with 409', async () => {
    const idp = await roster.createIntegration();
    const body = {
      userName: 'retried',
      externalId: 'R-1',
      displayName: 'Retried',
      emails: [{ value: 'r@x.io' }],
    };
    const first = await roster.request(idp, 'POST', '/Users', body);
    const again = await roster.request(idp, 'POST', '/Users', { ...body, displayName: 'Retried' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    // Key order does not matter; any difference does.
    const reordered = await roster.request(idp, 'POST', '/Users', {
      emails: [{ value: 'r@x.io' }],
      displayName: 'Retried',
      externalId: 'R-1',
      userName: 'retried',
    });
    expect(reordered.body.id).toBe(first.body.id);
    expect((await roster.request(idp, 'POST', '/Users', { ...body, title: 'x' })).status).toBe(409);
    // After the window the same request is a duplicate.
    roster.clock.advanceDays(1);
    expect((await roster.request(idp, 'POST', '/Users', body)).status).toBe(409);

    const strict = await strictIntegration();
    expect((await roster.request(strict, 'POST', '/Users', body)).status).toBe(201);
    expect((await roster.request(strict, 'POST', '/Users', body)).status).toBe(409);
  });

  it('RFC 7643 §3.1: a POST whose externalId matches a deactivated user makes a new user with a new id and leaves the other alone', async () => {
    const idp = await roster.createIntegration();
    const id = await created(idp, { userName: 'old.name', externalId: 'X-1', title: 'Keeps this' });
    await roster.request(
      idp,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'replace', path: 'active', value: false }),
    );
    const other = await created(idp, { userName: 'new.name', externalId: 'X-1' });
    expect(other).not.toBe(id);
    expect((await roster.request(idp, 'GET', `/Users/${id}`)).body).toMatchObject({
      userName: 'old.name',
      title: 'Keeps this',
      active: false,
    });
    expect((await identityOf(idp, other))?.id).not.toBe((await identityOf(idp, id))?.id);
  });

  it('RFC 7644 §3.6: a deleted user is 404 for good; a new POST with its userName or externalId gets a new id', async () => {
    const idp = await roster.createIntegration();
    const id = await created(idp, { userName: 'gone', externalId: 'G-1' });
    expect((await roster.request(idp, 'DELETE', `/Users/${id}`)).status).toBe(204);
    for (const body of [
      { userName: 'gone', externalId: 'G-1' },
      { userName: 'gone.too', externalId: 'G-1' },
    ]) {
      const again = await created(idp, body);
      expect(again).not.toBe(id);
      expect((await roster.request(idp, 'GET', `/Users/${id}`)).status).toBe(404);
      expect((await roster.request(idp, 'DELETE', `/Users/${again}`)).status).toBe(204);
    }
    expect(
      (
        await roster.request(
          idp,
          'PATCH',
          `/Users/${id}`,
          patch({ op: 'replace', path: 'title', value: 'x' }),
        )
      ).status,
    ).toBe(404);
  });

  it('continues a deleted identity under a new SCIM user by externalId, by userName, or never, as the integration says', async () => {
    const idp = await roster.createIntegration();
    const first = await created(idp, { userName: 'leaver', externalId: 'L-1', roles: [{ value: 'ops' }] });
    const identity = await identityOf(idp, first);
    await roster.request(idp, 'DELETE', `/Users/${first}`);
    expect(await identityOf(idp, first)).toMatchObject({ id: identity?.id, status: 'deleted' });

    const byExternalId = await created(idp, { userName: 'returner', externalId: 'L-1' });
    expect(await identityOf(idp, byExternalId)).toMatchObject({
      id: identity?.id,
      name: 'returner',
      status: 'active',
      createdAt: identity?.createdAt,
      attributes: [],
    });

    await settle(idp, { relink: 'userName' });
    await roster.request(idp, 'DELETE', `/Users/${byExternalId}`);
    const byUserName = await created(idp, { userName: 'RETURNER', externalId: 'other' });
    expect((await identityOf(idp, byUserName))?.id).toBe(identity?.id);

    await settle(idp, { relink: 'never' });
    await roster.request(idp, 'DELETE', `/Users/${byUserName}`);
    const fresh = await created(idp, { userName: 'returner', externalId: 'L-1' });
    expect((await identityOf(idp, fresh))?.id).not.toBe(identity?.id);
  });

  it('RFC 7644 §3.5.2: a group PATCH answers 204, or 200 with the entire group (members too) when asked', async () => {
    const idp = await roster.createIntegration();
    const member = await created(idp, { userName: 'member' });
    const group = await roster.request(idp, 'POST', '/Groups', { displayName: 'G' });
    const groupId = group.body.id as string;
    const add = patch({ op: 'add', path: 'members', value: [{ value: member }] });
    const plain = await roster.request(idp, 'PATCH', `/Groups/${groupId}`, add);
    expect(plain.status).toBe(204);
    for (const [query, headers] of [
      ['?excludedAttributes=meta', {}],
      ['', { prefer: 'return=representation' }],
    ] as const) {
      const shown = await roster.request(idp, 'PATCH', `/Groups/${groupId}${query}`, add, headers);
      expect(shown.status).toBe(200);
      expect(shown.body.members).toEqual([expect.objectContaining({ value: member, type: 'User' })]);
    }
    // A user PATCH keeps answering with the user.
    const user = await roster.request(
      idp,
      'PATCH',
      `/Users/${member}`,
      patch({ op: 'replace', path: 'title', value: 't' }),
    );
    expect(user.status).toBe(200);
    expect(user.body.title).toBe('t');
  });

  it('ignores a Content-Type sent with no body on DELETE and GET', async () => {
    const idp = await roster.createIntegration();
    const id = await created(idp, { userName: 'content-type' });
    const headers = { 'content-type': 'application/scim+json' };
    const read = await fetch(`${idp.url}/Users/${id}`, {
      headers: { authorization: `Bearer ${idp.token}`, ...headers },
    });
    expect(read.status).toBe(200);
    const deleted = await fetch(`${idp.url}/Users/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${idp.token}`, ...headers },
    });
    expect(deleted.status).toBe(204);
    const json = await fetch(`${idp.url}/Users`, {
      headers: { authorization: `Bearer ${idp.token}`, 'content-type': 'application/json' },
    });
    expect(json.status).toBe(200);
    // A POST with the header and no body is still malformed.
    expect((await roster.request(idp, 'POST', '/Users', '')).status).toBe(400);
  });

  it('releases the name of a deleted identity to another integration, and rejects an active collision naming its integration', async () => {
    const okta = await roster.createIntegration('okta-migrating');
    const entra = await roster.createIntegration('entra-arriving');
    const leaving = await created(okta, { userName: 'migrant@example.com' });
    const active = await created(okta, { userName: 'both@example.com' });
    await roster.request(okta, 'DELETE', `/Users/${leaving}`);
    const arrived = await created(entra, { userName: 'migrant@example.com' });
    expect(await identityOf(entra, arrived)).toMatchObject({ name: 'migrant@example.com', status: 'active' });
    expect(await identityOf(okta, leaving)).toMatchObject({ status: 'deleted' });

    const collision = await roster.request(entra, 'POST', '/Users', { userName: 'both@example.com' });
    expect(collision.status).toBe(409);
    expect(collision.body.scimType).toBe('uniqueness');
    expect(collision.body.detail).toContain('integration "okta-migrating"');
    expect(
      (
        await roster.request(
          entra,
          'GET',
          `/Users?filter=${encodeURIComponent('userName eq "both@example.com"')}`,
        )
      ).body.totalResults,
    ).toBe(0);
    expect((await identityOf(okta, active))?.status).toBe('active');
  });

  it('links identities across integrations when the organization says so: both contribute, disabled only when both are', async () => {
    const orgId = await roster.createOrganization(`linking-${ids.newId()}`);
    const orgName = (await roster.store.organizations.findById(orgId))?.name as string;
    await updateOrganizationSettings(deps(), { organizationId: orgId }, { identityCollisions: 'link' });
    const okta = await roster.createIntegration('okta', orgName);
    const entra = await roster.createIntegration('entra', orgName);
    const fromOkta = await created(okta, { userName: 'shared@example.com', roles: [{ value: 'okta-role' }] });
    const oktaGroup = await roster.request(okta, 'POST', '/Groups', {
      displayName: 'Okta Group',
      members: [{ value: fromOkta }],
    });
    expect(oktaGroup.status).toBe(201);
    const fromEntra = await created(entra, {
      userName: 'SHARED@example.com',
      entitlements: [{ value: 'entra-ent' }],
    });
    const scopeOkta = { organizationId: orgId, integrationId: okta.id };
    const scopeEntra = { organizationId: orgId, integrationId: entra.id };
    const shared = await roster.store.identities.findBySource(scopeOkta, fromOkta);
    expect((await roster.store.identities.findBySource(scopeEntra, fromEntra))?.id).toBe(shared?.id);
    expect(shared).toMatchObject({ name: 'shared@example.com', status: 'active' });
    expect(
      (await roster.store.identities.findById({ organizationId: orgId }, shared?.id as string))?.attributes,
    ).toEqual(['Okta Group', 'entra-ent', 'okta-role']);
    const disable = patch({ op: 'replace', path: 'active', value: false });
    await roster.request(okta, 'PATCH', `/Users/${fromOkta}`, disable);
    const halfOff = await roster.store.identities.findById({ organizationId: orgId }, shared?.id as string);
    // Still active through Entra; what Okta contributes no longer counts.
    expect(halfOff).toMatchObject({ status: 'active', attributes: ['entra-ent'] });
    await roster.request(entra, 'PATCH', `/Users/${fromEntra}`, disable);
    expect(
      (await roster.store.identities.findById({ organizationId: orgId }, shared?.id as string))?.status,
    ).toBe('disabled');
    await roster.request(okta, 'DELETE', `/Users/${fromOkta}`);
    await roster.request(entra, 'DELETE', `/Users/${fromEntra}`);
    expect(
      (await roster.store.identities.findById({ organizationId: orgId }, shared?.id as string))?.status,
    ).toBe('deleted');
  });

  it('/Schemas says which attributes are unique and how they may change', async () => {
    const idp = await roster.createIntegration();
    const user = await roster.request(idp, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    const group = await roster.request(idp, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group');
    const attribute = (schema: Record<string, unknown>, name: string) =>
      (schema.attributes as { name: string }[]).find((a) => a.name === name) as Record<string, unknown>;
    // Enforced: userName per integration, case-insensitively (409 on a duplicate).
    expect(attribute(user.body, 'userName')).toMatchObject({
      uniqueness: 'server',
      caseExact: false,
      required: true,
    });
    // Enforced: a group displayName per integration.
    expect(attribute(group.body, 'displayName')).toMatchObject({ uniqueness: 'server' });
    expect(attribute(user.body, 'groups')).toMatchObject({ mutability: 'readOnly' });
    const schemas = await roster.request(idp, 'GET', '/Schemas');
    const core = (schemas.body.Resources as Record<string, unknown>[]).find(
      (s) => s.id === 'urn:ietf:params:scim:schemas:core:2.0:User',
    ) as Record<string, unknown>;
    // Not a key: two users may share an externalId (a new user after a deactivated one, say).
    const externalId = attribute(core, 'externalId') ?? attribute(user.body, 'externalId');
    if (externalId) expect(externalId).toMatchObject({ uniqueness: 'none', caseExact: true });
    const id1 = await created(idp, { userName: 'ext-a', externalId: 'same' });
    const id2 = await created(idp, { userName: 'ext-b', externalId: 'same' });
    expect(id1).not.toBe(id2);
  });

  it('lenient mode adds a missing work email on a filtered replace and reads unquoted values; strict answers as the RFC', async () => {
    const lenient = await roster.createIntegration();
    const strict = await strictIntegration();
    const replace = patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'work@example.com' });
    for (const idp of [lenient, strict]) await created(idp, { userName: 'jyoung', externalId: 'jyoung' });
    const [lenientId, strictId] = await Promise.all(
      [lenient, strict].map(async (idp) => {
        const list = await roster.request(
          idp,
          'GET',
          `/Users?filter=${encodeURIComponent('userName eq "jyoung"')}`,
        );
        return (list.body.Resources as { id: string }[])[0]?.id as string;
      }),
    );
    const added = await roster.request(lenient, 'PATCH', `/Users/${lenientId}`, replace);
    expect(added.status).toBe(200);
    expect(added.body.emails).toEqual([{ value: 'work@example.com', type: 'work' }]);
    const refused = await roster.request(strict, 'PATCH', `/Users/${strictId}`, replace);
    expect(refused.status).toBe(400);
    expect(refused.body.scimType).toBe('noTarget');

    // Microsoft's provisioning documentation writes `externalId eq jyoung`, unquoted.
    const unquoted = `/Users?filter=${encodeURIComponent('externalId eq jyoung')}`;
    expect((await roster.request(lenient, 'GET', unquoted)).body.totalResults).toBe(1);
    const strictList = await roster.request(strict, 'GET', unquoted);
    expect(strictList.status).toBe(400);
    expect(strictList.body.scimType).toBe('invalidFilter');
    const email = `/Users?filter=${encodeURIComponent('emails[type eq work].value eq work@example.com')}`;
    expect((await roster.request(lenient, 'GET', email)).body.totalResults).toBe(1);
  });
});
