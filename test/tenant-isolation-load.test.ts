import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client.js';
import {
  RosterHarness,
  testEngines,
  type IntegrationHandle,
  type ScimResponse,
} from './support/roster-harness.js';

const USERS = 24;
const GROUPS = 3;
const PER_ORGANIZATION = 3;
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

interface Tenant {
  readonly organization: string;
  readonly organizationId: string;
  readonly slot: number;
  readonly idp: IntegrationHandle;
  readonly users: Map<string, string>; // userName → id
  readonly groups: string[];
  /** A bulkId this tenant used in its own Bulk request. */
  readonly bulkId: string;
}

/**
 * The same people in both organizations: integration i of each has identical userNames and externalIds.
 * (Within one organization identity names are unique, so its integrations differ by `i`; externalIds
 * are the same in all six.)
 */
const person = (slot: number, n: number) => ({
  schemas: [USER],
  userName: `person${n}.i${slot}@example.com`,
  externalId: `ext-${n}`,
  emails: [{ value: `person${n}.i${slot}@example.com`, type: 'work', primary: true }],
  active: true,
});

describe.each(testEngines)('tenant isolation under load on $name', (engine) => {
  let roster: RosterHarness;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    for (const organization of ['org-a', 'org-b']) {
      const organizationId = await roster.createOrganization(organization);
      for (let i = 0; i < PER_ORGANIZATION; i++) {
        tenants.push({
          organization,
          organizationId,
          slot: i,
          idp: await roster.createIntegration(`${organization}-idp-${i}`, organization),
          users: new Map(),
          groups: [],
          bulkId: `shared-bulk-id`,
        });
      }
    }
    // Every tenant provisions at once: users one by one and by Bulk, then groups with members.
    await Promise.all(
      tenants.map(async (tenant) => {
        const half = USERS / 2;
        await Promise.all(
          Array.from({ length: half }, async (_, n) => {
            const created = await roster.request(tenant.idp, 'POST', '/Users', person(tenant.slot, n));
            expect(created.status, created.text).toBe(201);
            tenant.users.set(created.body.userName as string, created.body.id as string);
          }),
        );
        const bulk = await roster.request(tenant.idp, 'POST', '/Bulk', {
          schemas: [BULK],
          Operations: Array.from({ length: half }, (_, k) => ({
            method: 'POST',
            path: '/Users',
            bulkId: k === 0 ? tenant.bulkId : `b${k}`,
            data: person(tenant.slot, half + k),
          })),
        });
        expect(bulk.status, bulk.text).toBe(200);
        for (const [k, op] of (bulk.body.Operations as { status: string; location: string }[]).entries()) {
          expect(op.status).toBe('201');
          tenant.users.set(`person${half + k}.i${tenant.slot}@example.com`, op.location.split('/').pop()!);
        }
        const ids = [...tenant.users.values()];
        for (let g = 0; g < GROUPS; g++) {
          const group = await roster.request(tenant.idp, 'POST', '/Groups', {
            schemas: [GROUP],
            displayName: `Group ${g}`,
            externalId: `group-ext-${g}`,
            members: ids.filter((_, i) => i % GROUPS === g).map((value) => ({ value })),
          });
          expect(group.status, group.text).toBe(201);
          tenant.groups.push(group.body.id as string);
        }
      }),
    );
  }, 120_000);
  afterAll(() => roster.close());

  it('no probe of one tenant reaches anything of another: ids, filters, lists, /.search, Bulk, members, cursors, the admin API', async () => {
    let tried = 0;
    const leaks: string[] = [];
    const idsOf = (t: Tenant) => [...t.users.values(), ...t.groups];
    /** A probe leaks when its answer names an id of another tenant, or its status is not the expected one. */
    const probe = (
      name: string,
      response: ScimResponse | { status: number; text: string },
      foreign: readonly string[],
      expected: number[],
    ) => {
      tried++;
      const named = foreign.find((id) => response.text.includes(id));
      if (named || !expected.includes(response.status)) {
        leaks.push(
          `${name}: ${response.status}${named ? ` names ${named}` : ''} ${response.text.slice(0, 160)}`,
        );
      }
    };

    await Promise.all(
      tenants.map(async (self) => {
        const others = tenants.filter((t) => t !== self);
        const foreign = others.flatMap(idsOf);
        const own = new Set(idsOf(self));
        const ask = (method: string, path: string, body?: unknown) =>
          roster.request(self.idp, method, path, body);
        for (const other of others) {
          const userId = [...other.users.values()][0]!;
          const groupId = other.groups[0]!;
          // Errors may quote the id the probe itself sent; any other id of another tenant is a leak.
          const unsent = foreign.filter((id) => id !== userId && id !== groupId);
          probe('user by id', await ask('GET', `/Users/${userId}`), unsent, [404]);
          probe('group by id', await ask('GET', `/Groups/${groupId}`), unsent, [404]);
          probe(
            "PUT another tenant's user",
            await ask('PUT', `/Users/${userId}`, person(self.slot, 0)),
            unsent,
            [404],
          );
          probe(
            "PATCH another tenant's user",
            await ask('PATCH', `/Users/${userId}`, {
              schemas: [PATCH],
              Operations: [{ op: 'replace', path: 'active', value: false }],
            }),
            unsent,
            [404],
          );
          probe("DELETE another tenant's group", await ask('DELETE', `/Groups/${groupId}`), unsent, [404]);
          const byId = await ask('GET', `/Users?filter=${encodeURIComponent(`id eq "${userId}"`)}`);
          probe('filter by id', byId, unsent, [200]);
          if (byId.body.totalResults !== 0) leaks.push(`filter by id found ${byId.text.slice(0, 160)}`);
          probe(
            "member reference to another tenant's user",
            await ask('PATCH', `/Groups/${self.groups[0]}`, {
              schemas: [PATCH],
              Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }],
            }),
            unsent,
            [400],
          );
          probe(
            "group created with another tenant's member",
            await ask('POST', '/Groups', {
              schemas: [GROUP],
              displayName: `Probe ${other.idp.id}`,
              members: [{ value: userId }],
            }),
            unsent,
            [400],
          );
          const bulk = await ask('POST', '/Bulk', {
            schemas: [BULK],
            Operations: [
              {
                method: 'PATCH',
                path: `/Users/${userId}`,
                data: { schemas: [PATCH], Operations: [{ op: 'replace', path: 'active', value: false }] },
              },
              { method: 'DELETE', path: `/Groups/${groupId}` },
            ],
          });
          probe("Bulk on another tenant's resources", bulk, unsent, [200]);
          const statuses = (bulk.body.Operations as { status: string }[]).map((o) => o.status);
          if (statuses.join() !== '404,404') leaks.push(`Bulk on another tenant answered ${statuses.join()}`);
          // A cursor minted for the other integration is refused here.
          const minted = await roster.request(other.idp, 'GET', '/Users?cursor&count=2');
          const cursor = minted.body.nextCursor as string;
          probe(
            "another integration's cursor",
            await ask('GET', `/Users?count=2&cursor=${cursor}`),
            foreign,
            [400],
          );
        }
        // Same userNames and externalIds everywhere: a filter finds this tenant's own, exactly once.
        for (const [userName, id] of [...self.users].slice(0, 4)) {
          const byName = await ask('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
          probe('filter by userName', byName, foreign, [200]);
          if ((byName.body.Resources as { id: string }[]).map((r) => r.id).join() !== id)
            leaks.push(`filter ${userName}: ${byName.text.slice(0, 160)}`);
          probe(
            'filter by externalId',
            await ask('GET', `/Users?filter=${encodeURIComponent('externalId eq "ext-1"')}`),
            foreign,
            [200],
          );
          probe(
            'filter by email',
            await ask(
              'GET',
              `/Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "${userName}"`)}`,
            ),
            foreign,
            [200],
          );
        }
        const list = await ask('GET', '/Users?count=1000');
        probe('list users', list, foreign, [200]);
        if (list.body.totalResults !== USERS)
          leaks.push(`list of ${self.idp.id} has ${String(list.body.totalResults)} users`);
        probe('list groups with members', await ask('GET', '/Groups?count=1000'), foreign, [200]);
        const search = await ask('POST', '/.search', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
          filter: 'externalId pr',
          count: 1000,
        });
        probe('/.search at the root', search, foreign, [200]);
        for (const r of (search.body.Resources ?? []) as { id: string }[])
          if (!own.has(r.id)) leaks.push(`/.search found ${r.id}`);
        // A bulkId is this request's only: the same name another tenant used refers to nothing here.
        probe(
          'Bulk bulkId reference',
          await ask('POST', '/Bulk', {
            schemas: [BULK],
            Operations: [
              {
                method: 'POST',
                path: '/Groups',
                bulkId: 'g',
                data: {
                  schemas: [GROUP],
                  displayName: 'Bulk probe',
                  members: [{ value: `bulkId:${self.bulkId}` }],
                },
              },
            ],
          }),
          foreign,
          [200],
        );
      }),
    );

    // The admin API, with each organization's own key, asking for the other's.
    const [a, b] = [tenants[0]!, tenants[PER_ORGANIZATION]!];
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const key = await AdminClient.forOrganization(roster, self.organizationId);
      const foreign = tenants
        .filter((t) => t.organizationId === other.organizationId)
        .flatMap((t) => [t.idp.id, ...idsOf(t)]);
      const text = (r: { status: number; body: unknown }) => ({
        status: r.status,
        text: JSON.stringify(r.body),
      });
      for (const path of [
        `/organizations/${other.organizationId}`,
        `/organizations/${other.organizationId}/integrations`,
        `/organizations/${other.organizationId}/integrations/${other.idp.id}`,
        `/organizations/${other.organizationId}/identities`,
        `/organizations/${other.organizationId}/groups`,
      ]) {
        probe(`admin GET ${path}`, text(await key.get(path)), foreign, [404]);
      }
      probe(
        "admin pause of another org's integration",
        text(await key.post(`/organizations/${other.organizationId}/integrations/${other.idp.id}/pause`)),
        foreign,
        [404],
      );
      probe(
        'admin own identities',
        text(await key.get(`/organizations/${self.organizationId}/identities?limit=1000`)),
        foreign,
        [200],
      );
      probe('admin own organizations', text(await key.get('/organizations')), foreign, [200]);
    }

    // The writes other tenants attempted changed nothing here: no user deactivated, no group deleted.
    for (const tenant of tenants) {
      const inactive = await roster.request(
        tenant.idp,
        'GET',
        `/Users?filter=${encodeURIComponent('active eq false')}`,
      );
      if (inactive.body.totalResults !== 0) leaks.push(`${tenant.idp.id} has users deactivated by others`);
      for (const group of tenant.groups) {
        if (
          (await roster.request(tenant.idp, 'GET', `/Groups/${group}?excludedAttributes=members`)).status !==
          200
        ) {
          leaks.push(`group ${group} of ${tenant.idp.id} is gone`);
        }
      }
    }

    console.log(
      `${engine.name}: ${tenants.length} integrations in 2 organizations, ${tenants.length * USERS} users; ${tried} isolation probes tried, ${leaks.length} leaked`,
    );
    expect(leaks).toEqual([]);
  }, 120_000);
});
