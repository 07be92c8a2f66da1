/**
 * A user's GET and an IdP's `userName eq` lookup read the user in the statement that checks the token
 * (src/directory/scim/user-read-ahead.ts). They must answer exactly as the plain reads do: the lookup as
 * the same query sent through POST /.search (which never reads ahead), the GET as the list shows the user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

describe.each(testEngines)('users read with the credential on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let elsewhere: IntegrationHandle;
  let adaId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration('primary');
    await roster.createOrganization('elsewhere');
    elsewhere = await roster.createIntegration('elsewhere-idp', 'elsewhere');
    const ada = await roster.request(idp, 'POST', '/Users', { userName: 'Ada@Example.com', active: true });
    adaId = ada.body.id as string;
    await roster.request(idp, 'POST', '/Users', { userName: 'loner' });
    for (const displayName of ['Beta', 'Alpha'])
      await roster.request(idp, 'POST', '/Groups', { displayName, members: [{ value: adaId }] });
    // The same userName in another organization's integration: never what the lookup finds.
    await roster.request(elsewhere, 'POST', '/Users', { userName: 'ada@example.com' });
  });
  afterAll(() => roster.close());

  const filters = [
    'userName eq "ada@example.com"',
    'USERNAME Eq "ADA@EXAMPLE.COM"',
    'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "Ada@Example.com"',
    'userName eq "loner"',
    'userName eq "nobody"',
    'userName eq "ada@example.com" and active eq true',
    'userName ne "loner"',
    // Too long to be parsed before the token is checked: answered by the list query.
    `userName eq "${'a'.repeat(600)}"`,
  ];
  const pagings: Record<string, string | number>[] = [
    {},
    { startIndex: 2 },
    { count: 0 },
    { count: 1 },
    { excludedAttributes: 'groups' },
    { attributes: 'userName,groups' },
  ];

  it('answers a lookup by filter exactly as POST /.search answers the same query', async () => {
    for (const filter of filters) {
      for (const paging of pagings) {
        const query = new URLSearchParams({ filter, ...paging } as Record<string, string>);
        const read = await roster.request(idp, 'GET', `/Users?${query.toString()}`);
        const searched = await roster.request(idp, 'POST', '/Users/.search', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
          filter,
          ...Object.fromEntries(
            Object.entries(paging).map(([name, value]) => [
              name,
              typeof value === 'string' ? value.split(',') : value,
            ]),
          ),
        });
        expect({ filter, paging, status: read.status }).toEqual({ filter, paging, status: 200 });
        expect(read.body).toEqual(searched.body);
      }
    }
    const found = await roster.request(idp, 'GET', `/Users?filter=${encodeURIComponent(filters[0] ?? '')}`);
    const [ada] = found.body.Resources as Record<string, unknown>[];
    expect(found.body.totalResults).toBe(1);
    expect(ada).toMatchObject({ id: adaId, userName: 'Ada@Example.com' });
    expect((ada?.groups as { display: string }[]).map((g) => g.display).sort()).toEqual(['Alpha', 'Beta']);
    const theirs = await roster.request(
      elsewhere,
      'GET',
      `/Users?filter=${encodeURIComponent(filters[1] ?? '')}`,
    );
    expect(theirs.body.totalResults).toBe(1);
    expect((theirs.body.Resources as { id: string }[])[0]?.id).not.toBe(adaId);
  });

  it('answers a GET by id as the list shows the user, and nothing for another integration or a group', async () => {
    const read = await roster.request(idp, 'GET', `/Users/${adaId}`);
    const listed = await roster.request(idp, 'POST', '/Users/.search', { filter: `id eq "${adaId}"` });
    expect(read.status).toBe(200);
    expect(read.body).toEqual((listed.body.Resources as unknown[])[0]);
    expect(read.headers.get('etag')).toBe(
      `W/"${(read.body.meta as { version: string }).version.slice(3, -1)}"`,
    );
    const notMine = await roster.request(elsewhere, 'GET', `/Users/${adaId}`);
    expect(notMine.status).toBe(404);
    expect(JSON.stringify(notMine.body)).not.toContain('Ada@Example.com');
    const groups = await roster.request(idp, 'GET', '/Groups?filter=displayName%20eq%20%22Alpha%22');
    const groupId = (groups.body.Resources as { id: string }[])[0]?.id ?? '';
    expect((await roster.request(idp, 'GET', `/Users/${groupId}`)).status).toBe(404);
    expect(
      (await roster.request(idp, 'GET', `/Users/${adaId}?excludedAttributes=groups`)).body,
    ).not.toHaveProperty('groups');
  });
});
