import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe.each(testEngines)('a SCIM group through its whole life on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration('entra');
  });
  afterAll(() => roster.close());

  async function user(userName: string): Promise<string> {
    const response = await roster.request(idp, 'POST', '/Users', {
      userName,
      displayName: userName.toUpperCase(),
    });
    return response.body.id as string;
  }

  it('is created with users and groups as members, shown with display and $ref, and on the users', async () => {
    const alice = await user('alice');
    const bob = await user('bob');
    const inner = await roster.request(idp, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Inner' });
    const innerId = inner.body.id as string;

    const created = await roster.request(idp, 'POST', '/Groups', {
      schemas: [GROUP],
      displayName: 'Engineering',
      members: [
        { value: alice },
        { value: bob, display: 'client display is ignored' },
        { value: innerId },
        { value: alice },
      ],
    });
    expect(created.status).toBe(201);
    const members = created.body.members as { value: string; type: string; display: string; $ref: string }[];
    expect(members).toHaveLength(3);
    expect(members.find((m) => m.value === bob)).toMatchObject({ type: 'User', display: 'BOB' });
    expect(members.find((m) => m.value === innerId)).toMatchObject({ type: 'Group', display: 'Inner' });
    expect(members.find((m) => m.value === alice)?.$ref).toMatch(new RegExp(`/Users/${alice}$`));

    const aliceRead = await roster.request(idp, 'GET', `/Users/${alice}`);
    expect(aliceRead.body.groups).toEqual([
      expect.objectContaining({ value: created.body.id, display: 'Engineering', type: 'direct' }),
    ]);
  });

  it('is replaced with a new member list, found by displayName, and deleted (memberships go with it)', async () => {
    const carol = await user('carol');
    const dave = await user('dave');
    const created = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Sales',
      members: [{ value: carol }],
    });
    const id = created.body.id as string;

    const replaced = await roster.request(idp, 'PUT', `/Groups/${id}`, {
      schemas: [GROUP],
      displayName: 'Sales EMEA',
      members: [{ value: dave }],
    });
    expect(replaced.status).toBe(200);
    expect((replaced.body.members as { value: string }[]).map((m) => m.value)).toEqual([dave]);

    // Okta's profile-only PUT carries no members: membership stays.
    const renamed = await roster.request(idp, 'PUT', `/Groups/${id}`, { displayName: 'Sales Europe' });
    expect((renamed.body.members as { value: string }[]).map((m) => m.value)).toEqual([dave]);

    const found = await roster.request(
      idp,
      'GET',
      `/Groups?filter=${encodeURIComponent('displayName eq "sales europe"')}`,
    );
    expect(found.body.totalResults).toBe(1);

    expect((await roster.request(idp, 'DELETE', `/Groups/${id}`)).status).toBe(204);
    expect((await roster.request(idp, 'GET', `/Groups/${id}`)).status).toBe(404);
    const daveRead = await roster.request(idp, 'GET', `/Users/${dave}`);
    expect(daveRead.body).not.toHaveProperty('groups');
  });

  it('loses a member when that user is deleted', async () => {
    const erin = await user('erin');
    const created = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Ops',
      members: [{ value: erin }],
    });
    await roster.request(idp, 'DELETE', `/Users/${erin}`);
    const read = await roster.request(idp, 'GET', `/Groups/${created.body.id as string}`);
    expect(read.body.members).toEqual([]);
  });

  it('rejects an unknown member id with 400 invalidValue naming the id, and stores nothing', async () => {
    const frank = await user('frank');
    const response = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Broken',
      members: [{ value: frank }, { value: 'no-such-member' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
    expect(response.body.detail).toContain('"no-such-member"');
    const search = await roster.request(
      idp,
      'GET',
      `/Groups?filter=${encodeURIComponent('displayName eq "Broken"')}`,
    );
    expect(search.body.totalResults).toBe(0);
  });

  it('does not accept members from another integration', async () => {
    const other = await roster.createIntegration();
    const stranger = await roster.request(other, 'POST', '/Users', { userName: 'stranger' });
    const response = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Mixed',
      members: [{ value: stranger.body.id }],
    });
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
  });

  it('requires displayName and keeps it unique per integration, case-insensitively', async () => {
    const missing = await roster.request(idp, 'POST', '/Groups', { members: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.scimType).toBe('invalidValue');
    expect((await roster.request(idp, 'POST', '/Groups', { displayName: 'Finance' })).status).toBe(201);
    const duplicate = await roster.request(idp, 'POST', '/Groups', { displayName: 'FINANCE' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe('uniqueness');
    const elsewhere = await roster.createIntegration();
    expect((await roster.request(elsewhere, 'POST', '/Groups', { displayName: 'Finance' })).status).toBe(201);
  });
});
