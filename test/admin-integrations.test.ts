import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';
import { AdminClient } from './support/admin-client.js';

describe.each(testEngines)('integrations through the admin API on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let organizationId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    base = `/organizations/${organizationId}`;
  });
  afterAll(() => roster.close());

  /** Creates an integration over the API and returns a handle the harness can send SCIM requests with. */
  const createIntegration = async (name: string, idp = 'okta'): Promise<IntegrationHandle> => {
    const created = await admin.post(`${base}/integrations`, { name, idp });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return {
      id: created.body.id,
      token: created.body.token,
      url: `${roster.origin}/scim/v2/${created.body.id}`,
      scope: { organizationId, integrationId: created.body.id },
    };
  };
  const createUser = async (
    idp: IntegrationHandle,
    userName: string,
    extra: Record<string, unknown> = {},
  ) => {
    const response = await roster.request(idp, 'POST', '/Users', { userName, active: true, ...extra });
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };
  const identitiesOf = async (integrationId: string) =>
    (await admin.get(`${base}/identities?integrationId=${integrationId}&limit=1000`)).body.data as {
      id: string;
      name: string;
      status: string;
      sourceIntegrationId: string | null;
    }[];

  it('returns the integration URL and the token on create, exactly once; no read ever shows the token', async () => {
    const created = await admin.post(`${base}/integrations`, { name: 'Okta production', idp: 'okta' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Okta production',
      idp: 'okta',
      integrationUrl: `http://127.0.0.1/scim/v2/${created.body.id}`,
      hasValidToken: true,
      token: expect.stringMatching(/^roster_scim_/),
    });
    const token = created.body.token as string;
    const handle = {
      id: created.body.id,
      token,
      url: `${roster.origin}/scim/v2/${created.body.id}`,
      scope: { organizationId, integrationId: created.body.id },
    };
    expect((await roster.request(handle, 'GET', '/Users')).status).toBe(200);

    const read = await admin.get(`${base}/integrations/${created.body.id}`);
    const listed = await admin.get(`${base}/integrations`);
    const settings = await admin.get(`${base}/integrations/${created.body.id}/settings`);
    for (const response of [read, listed, settings]) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain(token);
      expect(JSON.stringify(response.body)).not.toContain('"token"');
    }
    const { token: _token, ...withoutToken } = created.body;
    expect(read.body).toEqual(withoutToken);
    // The list adds each integration's recent activity from the provisioning log: at most the GET
    // above, if the log's batch writer has flushed it yet (test/provisioning-log.test.ts tests the counts).
    const row = (listed.body.data as { id: string; activity: { lastDay: { failures: number } } }[]).find(
      (i) => i.id === created.body.id,
    );
    const { activity, ...listedFields } = row ?? { activity: undefined };
    expect(listedFields).toEqual(withoutToken);
    expect(activity?.lastDay.failures).toBe(0);

    const duplicate = await admin.post(`${base}/integrations`, { name: 'Okta production' });
    expect(duplicate.status).toBe(409);
    expect((await admin.get(`${base}/integrations/01000000-0000-7000-8000-000000000000`)).status).toBe(404);
  });

  it('validates a new integration: each bad field named, unknown fields refused', async () => {
    const response = await admin.post(`${base}/integrations`, {
      name: '',
      idp: 'myspace',
      tokenLifetimeDays: 0,
      colour: 'blue',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
    const fields = response.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['colour', 'idp', 'name', 'tokenLifetimeDays']);
    expect(response.body.error.details).toContainEqual({
      field: 'colour',
      location: 'body',
      message: 'is not a known field',
    });
    const missing = await admin.post(`${base}/integrations`, {});
    expect(missing.body.error.details).toEqual([{ field: 'name', location: 'body', message: 'is required' }]);
    const notJson = await admin.request('POST', `${base}/integrations`, '{"name":', {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
  });

  it('rotates the token: the new one is shown once, the old one is refused by SCIM at once', async () => {
    const idp = await createIntegration('rotating');
    expect((await roster.request(idp, 'GET', '/Users')).status).toBe(200);
    roster.clock.advanceDays(1);
    const rotated = await admin.post(`${base}/integrations/${idp.id}/token`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({
      token: expect.stringMatching(/^roster_scim_/),
      tokenExpiresAt: expect.any(String),
    });
    expect(rotated.body.token).not.toBe(idp.token);
    expect((await roster.request(idp, 'GET', '/Users')).status).toBe(401);
    expect((await roster.request({ ...idp, token: rotated.body.token }, 'GET', '/Users')).status).toBe(200);
    const read = await admin.get(`${base}/integrations/${idp.id}`);
    expect(read.body.tokenExpiresAt).toBe(rotated.body.tokenExpiresAt);
    expect(JSON.stringify(read.body)).not.toContain(rotated.body.token);

    const shortLived = await admin.post(`${base}/integrations/${idp.id}/token`, { tokenLifetimeDays: 1 });
    roster.clock.advanceDays(2);
    expect((await roster.request({ ...idp, token: shortLived.body.token }, 'GET', '/Users')).status).toBe(
      401,
    );
    expect((await admin.get(`${base}/integrations/${idp.id}`)).body.hasValidToken).toBe(false);
    expect((await admin.post(`${base}/integrations/01000000-0000-7000-8000-000000000000/token`)).status).toBe(
      404,
    );
  });

  it.each([
    ['disable', 'disabled', 2],
    ['delete', undefined, 0],
    ['keep', 'active', 2],
  ] as const)(
    'deletes an integration choosing to %s its identities; its token stops working',
    async (choice, status, remaining) => {
      const idp = await createIntegration(`leaving-${choice}`);
      await createUser(idp, `a-${choice}@example.com`);
      await createUser(idp, `b-${choice}@example.com`);
      const before = await identitiesOf(idp.id);
      expect(before).toHaveLength(2);

      const missingChoice = await admin.delete(`${base}/integrations/${idp.id}`);
      expect(missingChoice.status).toBe(400);
      expect(missingChoice.body.error.details).toEqual([
        { field: 'identities', location: 'query', message: 'is required' },
      ]);

      const deleted = await admin.delete(`${base}/integrations/${idp.id}?identities=${choice}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ id: idp.id, identities: { action: choice, count: 2 } });
      expect((await roster.request(idp, 'GET', '/Users')).status).toBe(401);
      expect((await admin.get(`${base}/integrations/${idp.id}`)).status).toBe(404);
      expect((await admin.delete(`${base}/integrations/${idp.id}?identities=${choice}`)).status).toBe(404);

      const after = [];
      for (const identity of before) {
        const response = await admin.get(`${base}/identities/${identity.id}`);
        if (response.status === 200) after.push(response.body);
        else expect(response.status).toBe(404);
      }
      expect(after).toHaveLength(remaining);
      for (const identity of after) {
        expect(identity).toMatchObject({ status, sourceIntegrationId: null, scimResourceId: null });
      }
    },
  );

  it('reads and changes settings; a change queues a remap job whose progress can be followed', async () => {
    const idp = await createIntegration('settings');
    for (let i = 0; i < 5; i++) await createUser(idp, `user${i}@example.com`, { displayName: `User ${i}` });
    const settings = await admin.get(`${base}/integrations/${idp.id}/settings`);
    expect(settings.body).toEqual({
      settings: expect.objectContaining({ identityName: 'userName', signInExternalId: { kind: 'none' } }),
      defaults: expect.objectContaining({ identityName: 'userName', unmappedGroups: 'create' }),
    });

    const invalid = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      identityName: 'shoeSize',
      attributeSources: { groups: 'yes', hobbies: true },
      signInExternalId: { kind: 'attribute', path: 7 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'attributeSources.groups',
      'attributeSources.hobbies',
      'identityName',
      'signInExternalId.path',
    ]);
    const badPath = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      signInExternalId: 'shoe.size',
    });
    expect(badPath.status).toBe(400);
    expect(badPath.body.error.details[0].field).toBe('signInExternalId');
    const empty = await admin.patch(`${base}/integrations/${idp.id}/settings`, {});
    expect(empty.status).toBe(400);
    const unknownPolicy = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      authPolicyId: '01000000-0000-7000-8000-000000000000',
    });
    expect(unknownPolicy.status).toBe(400);

    const preview = await admin.post(`${base}/integrations/${idp.id}/remap-previews`, {
      settings: { identityName: 'displayName' },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.settings.identityName).toBe('displayName');
    expect(preview.body.preview).toMatchObject({
      total: 5,
      changed: 5,
      byField: { name: 5 },
      collisions: [],
    });
    expect(preview.body.preview.sample[0]).toMatchObject({
      fields: expect.arrayContaining(['name']),
      before: { name: expect.stringMatching(/@example\.com$/) },
      after: { name: expect.stringMatching(/^User \d$/) },
    });
    // A preview writes nothing.
    expect((await identitiesOf(idp.id)).every((i) => i.name.endsWith('@example.com'))).toBe(true);
    const unchanged = await admin.post(`${base}/integrations/${idp.id}/remap-previews`);
    expect(unchanged.body.preview).toMatchObject({ total: 5, changed: 0 });
    expect(unchanged.body.settings.identityName).toBe('userName');

    const changed = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      identityName: 'displayName',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings.identityName).toBe('displayName');
    expect(changed.body.remapJob).toMatchObject({
      status: 'pending',
      total: 5,
      processed: 0,
      integrationId: idp.id,
    });
    const jobId = changed.body.remapJob.id as string;
    expect((await admin.get(`${base}/remap-jobs/${jobId}`)).body.status).toBe('pending');

    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test', batchSize: 2 });
    const done = await admin.get(`${base}/remap-jobs/${jobId}`);
    expect(done.body).toMatchObject({
      status: 'done',
      total: 5,
      processed: 5,
      changed: 5,
      collisions: 0,
      error: null,
    });
    expect((await identitiesOf(idp.id)).map((i) => i.name).sort()).toEqual([
      'User 0',
      'User 1',
      'User 2',
      'User 3',
      'User 4',
    ]);
    expect((await admin.get(`${base}/integrations/${idp.id}/settings`)).body.settings.identityName).toBe(
      'displayName',
    );

    const started = await admin.post(`${base}/integrations/${idp.id}/remap-jobs`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'pending', total: 5 });
    const jobs = await admin.get(`${base}/integrations/${idp.id}/remap-jobs`);
    expect(jobs.body.data.map((j: { id: string }) => j.id).sort()).toEqual([jobId, started.body.id].sort());
    expect((await admin.get(`${base}/remap-jobs/01000000-0000-7000-8000-000000000000`)).status).toBe(404);
  });

  it('maps IdP groups to directory groups, refuses a second explicit mapping, and removes mappings', async () => {
    const idp = await createIntegration('mapped');
    const userId = await createUser(idp, 'mapped@example.com');
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Engineering',
      members: [{ value: userId }],
    });
    const automatic = await admin.get(`${base}/integrations/${idp.id}/group-mappings`);
    expect(automatic.body.data).toEqual([
      expect.objectContaining({
        matchBy: 'id',
        idpGroup: group.body.id,
        idpGroupName: 'Engineering',
        directoryGroupName: 'Engineering',
        automatic: true,
      }),
    ]);

    const [identity] = await identitiesOf(idp.id);
    const groupsOf = async () =>
      ((await admin.get(`${base}/identities/${identity?.id}/groups`)).body.data as { name: string }[]).map(
        (g) => g.name,
      );
    expect(await groupsOf()).toEqual(['Engineering']);
    const runJobs = () => runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });

    // The dry run of the mapping change: the one identity would move groups; nothing is written.
    const previewed = await admin.post(`${base}/integrations/${idp.id}/remap-previews`, {
      addGroupMapping: { idpGroupId: group.body.id, group: 'Developers' },
    });
    expect(previewed.status, JSON.stringify(previewed.body)).toBe(200);
    expect(previewed.body.preview).toMatchObject({ total: 1, changed: 1, byField: { groups: 1, name: 0 } });
    expect((await admin.get(`${base}/integrations/${idp.id}/group-mappings`)).body.data).toEqual(
      automatic.body.data,
    );
    expect((await admin.get(`${base}/groups`)).body.data.map((g: { name: string }) => g.name)).not.toContain(
      'Developers',
    );
    const twoChanges = await admin.post(`${base}/integrations/${idp.id}/remap-previews`, {
      settings: { identityName: 'displayName' },
      removeGroupMappingId: automatic.body.data[0].id,
    });
    expect(twoChanges.status).toBe(400);

    const mapped = await admin.post(`${base}/integrations/${idp.id}/group-mappings`, {
      idpGroupId: group.body.id,
      group: 'Developers',
    });
    expect(mapped.status).toBe(201);
    expect(mapped.body).toMatchObject({ matchBy: 'id', directoryGroupName: 'Developers', automatic: false });
    // Retroactive: the mapping came with the remap job that moves the identities already synced.
    expect(mapped.body.remapJob).toMatchObject({ integrationId: idp.id, status: 'pending', total: 1 });
    expect(await groupsOf()).toEqual(['Engineering']);
    await runJobs();
    expect(await groupsOf()).toEqual(['Developers']);
    const job = await admin.get(`${base}/remap-jobs/${mapped.body.remapJob.id}`);
    expect(job.body).toMatchObject({ status: 'done', processed: 1, changed: 1 });
    const listed = await admin.get(`${base}/integrations/${idp.id}/group-mappings`);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: mapped.body.id, automatic: false })]);

    const again = await admin.post(`${base}/integrations/${idp.id}/group-mappings`, {
      idpGroupId: group.body.id,
      group: 'Other',
    });
    expect(again.status).toBe(409);
    const both = await admin.post(`${base}/integrations/${idp.id}/group-mappings`, {
      idpGroupId: 'x',
      idpGroupName: 'y',
      group: 'Other',
    });
    expect(both.status).toBe(400);
    const byName = await admin.post(`${base}/integrations/${idp.id}/group-mappings`, {
      idpGroupName: 'Sales Team',
      group: mapped.body.directoryGroupId,
    });
    expect(byName.status).toBe(201);
    expect(byName.body).toMatchObject({ matchBy: 'displayName', idpGroup: 'sales team', idpGroupName: null });

    const wouldRemove = await admin.post(`${base}/integrations/${idp.id}/remap-previews`, {
      removeGroupMappingId: mapped.body.id,
    });
    expect(wouldRemove.body.preview).toMatchObject({ changed: 1, byField: { groups: 1 } });
    const removed = await admin.delete(`${base}/integrations/${idp.id}/group-mappings/${mapped.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: mapped.body.id, remapJob: { status: 'pending', total: 1 } });
    // The IdP group is unmapped again: the remap gives it an automatic mapping to a group of its name.
    await runJobs();
    expect(await groupsOf()).toEqual(['Engineering']);
    expect(
      (await admin.delete(`${base}/integrations/${idp.id}/group-mappings/${mapped.body.id}`)).status,
    ).toBe(404);
    const remaining = await admin.get(`${base}/integrations/${idp.id}/group-mappings`);
    expect(remaining.body.data.map((m: { id: string; automatic: boolean }) => [m.id, m.automatic])).toEqual([
      [byName.body.id, false],
      [expect.any(String), true],
    ]);
  });
});
