import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe.each(testEngines)('a SCIM user through its whole life on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration('okta');
  });
  afterAll(() => roster.close());

  it('is created with 201, a Location, an ETag and meta, and keeps only schema attributes', async () => {
    const response = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER, ENTERPRISE],
      userName: 'Ada.Lovelace@example.com',
      externalId: 'okta-00u1',
      name: { givenName: 'Ada', familyName: 'Lovelace', nickname: 'ignored sub-attribute' },
      displayName: 'Ada Lovelace',
      active: true,
      emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
      password: 'never-stored',
      favouriteColour: 'ignored',
      [ENTERPRISE]: { employeeNumber: '1815', department: 'Analytical Engines' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const body = response.body;
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('location')).toBe((body.meta as { location: string }).location);
    expect(response.headers.get('etag')).toBe((body.meta as { version: string }).version);
    expect(body).toMatchObject({
      schemas: [USER, ENTERPRISE],
      userName: 'Ada.Lovelace@example.com',
      externalId: 'okta-00u1',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      active: true,
      [ENTERPRISE]: { employeeNumber: '1815', department: 'Analytical Engines' },
      meta: { resourceType: 'User' },
    });
    expect(body).not.toHaveProperty('password');
    expect(body).not.toHaveProperty('favouriteColour');
    expect(body.name).not.toHaveProperty('nickname');
  });

  it('reads back, is found by filter, is replaced, deleted, and then is 404', async () => {
    const created = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER],
      userName: 'grace',
      displayName: 'Grace',
    });
    const id = created.body.id as string;

    const read = await roster.request(idp, 'GET', `/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, userName: 'grace', displayName: 'Grace' });

    const found = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "GRACE"')}`,
    );
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect((found.body.Resources as { id: string }[])[0]?.id).toBe(id);

    const replaced = await roster.request(idp, 'PUT', `/Users/${id}`, {
      schemas: [USER],
      userName: 'grace.hopper',
      name: { familyName: 'Hopper' },
      active: false,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id,
      userName: 'grace.hopper',
      active: false,
      name: { familyName: 'Hopper' },
    });
    // PUT replaces: attributes left out are cleared.
    expect(replaced.body).not.toHaveProperty('displayName');
    const createdMeta = created.body.meta as { created: string; version: string };
    const replacedMeta = replaced.body.meta as { created: string; version: string };
    expect(replacedMeta.created).toBe(createdMeta.created);
    expect(replacedMeta.version).not.toBe(createdMeta.version);

    const deleted = await roster.request(idp, 'DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await roster.request(idp, 'GET', `/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '404',
    });
    expect((await roster.request(idp, 'DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await roster.request(idp, 'PUT', `/Users/${id}`, { userName: 'x' })).status).toBe(404);
  });

  it('accepts application/json as well as application/scim+json, and Entra string booleans', async () => {
    const response = await roster.request(
      idp,
      'POST',
      '/Users',
      { userName: 'json-client', active: 'False' },
      { 'content-type': 'application/json; charset=utf-8' },
    );
    expect(response.status).toBe(201);
    expect(response.body.active).toBe(false);
  });

  it('filters by externalId case-exactly and returns an empty list when nothing matches', async () => {
    await roster.request(idp, 'POST', '/Users', { userName: 'ext-user', externalId: 'AbC-123' });
    const exact = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "AbC-123"')}`,
    );
    expect(exact.body.totalResults).toBe(1);
    const folded = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('externalId eq "abc-123"')}`,
    );
    expect(folded.body.totalResults).toBe(0);
    // Entra's connection test: a filter for a user that does not exist is 200 with an empty list.
    const none = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "no-such-user-8b7c"')}`,
    );
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
  });

  it('pages with startIndex and count, clamping out-of-range values', async () => {
    const other = await roster.createIntegration();
    for (let i = 0; i < 5; i++) await roster.request(other, 'POST', '/Users', { userName: `page-${i}` });
    const page = await roster.request(other, 'GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 2 });
    expect((page.body.Resources as { userName: string }[]).map((u) => u.userName)).toEqual([
      'page-1',
      'page-2',
    ]);
    const onlyTotal = await roster.request(other, 'GET', '/Users?count=0');
    expect(onlyTotal.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    const clamped = await roster.request(other, 'GET', '/Users?startIndex=-4&count=-1');
    expect(clamped.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, startIndex: 1 });
    const bad = await roster.request(other, 'GET', '/Users?count=ten');
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe('invalidValue');
  });
});

describe.each(testEngines)('re-provisioning a deactivated user on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  // RFC 7644 §3.3: a create that would duplicate a userName is 409 uniqueness, deactivated users included;
  // the IdP reactivates the user it finds by filter (Okta's "Create Users" flow looks up userName first).
  it('answers 409 to a POST for a deactivated user, which the IdP reactivates in place with PATCH', async () => {
    const created = await roster.request(idp, 'POST', '/Users', {
      userName: 'okta.user',
      externalId: '00u1',
      title: 'Old',
    });
    const id = created.body.id as string;
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'kept',
      members: [{ value: id }],
    });
    expect((await roster.request(idp, 'POST', '/Users', { userName: 'okta.user' })).status).toBe(409);
    await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    const again = await roster.request(idp, 'POST', '/Users', {
      userName: 'OKTA.user',
      externalId: '00u1',
      active: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.scimType).toBe('uniqueness');
    // Nothing was overwritten: the deactivated user is as it was.
    const kept = await roster.request(idp, 'GET', `/Users/${id}`);
    expect(kept.body).toMatchObject({ id, userName: 'okta.user', title: 'Old', active: false });
    const found = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "OKTA.USER"')}`,
    );
    expect((found.body.Resources as { id: string }[])[0]?.id).toBe(id);
    const reactivated = await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(reactivated.body).toMatchObject({ id, active: true, title: 'Old' });
    const members = await roster.request(idp, 'GET', `/Groups/${group.body.id as string}`);
    expect(members.body.members).toEqual([expect.objectContaining({ value: id })]);
  });
});
