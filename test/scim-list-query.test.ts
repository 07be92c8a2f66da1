import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../src/directory/ports/directory-store.js';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
type Listed = {
  Resources: Record<string, unknown>[];
  nextCursor?: string;
  previousCursor?: string;
  totalResults?: number;
};

describe.each(testEngines)(
  'listing users: filters, sorting, pages, cursors, projection on $name',
  (engine) => {
    let roster: RosterHarness;
    let idp: IntegrationHandle;
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo', 'Foxtrot', 'golf'];
    const ids = new Map<string, string>();

    beforeAll(async () => {
      roster = await RosterHarness.start(engine);
      idp = await roster.createIntegration();
      for (const [index, name] of names.entries()) {
        const response = await roster.request(idp, 'POST', '/Users', {
          userName: name,
          displayName: index % 3 === 0 ? undefined : `${name.toUpperCase()} User`,
          emails: [
            { value: `${name}@home.example`, type: 'home' },
            { value: `${name}@work.example`, type: 'work', primary: index % 2 === 0 },
          ],
          active: index % 2 === 0,
          [ENTERPRISE]: { employeeNumber: String(90 - index) },
        });
        ids.set(name, response.body.id as string);
      }
    });
    afterAll(() => roster.close());

    const get = async (query: string) =>
      (await roster.request(idp, 'GET', `/Users?${query}`)).body as unknown as Listed;
    const userNames = (body: Listed) => body.Resources.map((r) => r.userName);

    it('sorts by userName case-insensitively, both ways', async () => {
      expect(userNames(await get('sortBy=userName'))).toEqual([
        'Alpha',
        'bravo',
        'charlie',
        'delta',
        'echo',
        'Foxtrot',
        'golf',
      ]);
      expect(userNames(await get('sortBy=USERNAME&sortOrder=descending'))).toEqual([
        'golf',
        'Foxtrot',
        'echo',
        'delta',
        'charlie',
        'bravo',
        'Alpha',
      ]);
    });

    it('sorts unassigned values last, ties broken by id', async () => {
      const sorted = userNames(await get('sortBy=displayName'));
      // Users 0, 3 and 6 (delta, bravo, golf) have no displayName.
      expect(sorted.slice(0, 4)).toEqual(['Alpha', 'charlie', 'echo', 'Foxtrot']);
      const unassigned = sorted.slice(-3) as string[];
      expect(unassigned).toEqual(
        [...unassigned].sort((a, b) => ((ids.get(a) ?? '') < (ids.get(b) ?? '') ? -1 : 1)),
      );
      expect([...unassigned].sort()).toEqual(['bravo', 'delta', 'golf']);
    });

    it('sorts a multi-valued attribute by its primary value, and by an extension attribute', async () => {
      const byEmail = userNames(await get('sortBy=emails'));
      expect(byEmail).toHaveLength(7);
      expect(userNames(await get(`sortBy=${ENTERPRISE}:employeeNumber`))).toEqual([...names].reverse());
    });

    it('refuses to sort by an unknown or complex attribute', async () => {
      for (const query of ['sortBy=shoeSize', 'sortBy=name', 'sortOrder=sideways']) {
        const response = await roster.request(idp, 'GET', `/Users?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.scimType).toBe('invalidValue');
      }
    });

    it('answers 400 invalidFilter with the position for a broken filter', async () => {
      const response = await roster.request(idp, 'GET', `/Users?filter=${encodeURIComponent('userName eq')}`);
      expect(response.status).toBe(400);
      expect(response.body.scimType).toBe('invalidFilter');
      expect(response.body.detail).toMatch(/position \d+/);
      const unknown = await roster.request(
        idp,
        'GET',
        `/Users?filter=${encodeURIComponent('fooBar eq "x"')}`,
      );
      expect(unknown.body).toMatchObject({ scimType: 'invalidFilter' });
      expect(unknown.body.detail).toContain('fooBar');
    });

    it('filters on work email with a value path', async () => {
      const body = await get(
        `filter=${encodeURIComponent('emails[type eq "work" and value eq "ECHO@work.example"]')}`,
      );
      expect(userNames(body)).toEqual(['echo']);
    });

    it('pages by index over a sorted list without repeats or gaps', async () => {
      const seen: unknown[] = [];
      for (let start = 1; start <= 7; start += 3)
        seen.push(...userNames(await get(`sortBy=userName&startIndex=${start}&count=3`)));
      expect(seen).toEqual(['Alpha', 'bravo', 'charlie', 'delta', 'echo', 'Foxtrot', 'golf']);
    });

    it('walks by cursor forwards and back (RFC 9865)', async () => {
      const first = await get('sortBy=userName&cursor&count=3');
      expect(userNames(first)).toEqual(['Alpha', 'bravo', 'charlie']);
      expect(first.totalResults).toBe(7);
      expect(first.previousCursor).toBeUndefined();
      expect(first.nextCursor).toMatch(/^[A-Za-z0-9._~-]+$/);
      const second = await get(`sortBy=userName&count=3&cursor=${first.nextCursor}`);
      expect(userNames(second)).toEqual(['delta', 'echo', 'Foxtrot']);
      expect(second.totalResults).toBe(7);
      const third = await get(`sortBy=userName&count=3&cursor=${second.nextCursor}`);
      expect(userNames(third)).toEqual(['golf']);
      expect(third.nextCursor).toBeUndefined();
      const back = await get(`sortBy=userName&count=3&cursor=${third.previousCursor}`);
      expect(userNames(back)).toEqual(['delta', 'echo', 'Foxtrot']);
      const backAgain = await get(`sortBy=userName&count=3&cursor=${back.previousCursor}`);
      expect(userNames(backAgain)).toEqual(['Alpha', 'bravo', 'charlie']);
      expect(backAgain.previousCursor).toBeUndefined();
      expect(backAgain.nextCursor).toBeDefined();
    });

    it('walks by cursor over a sort with unassigned values', async () => {
      const seen: unknown[] = [];
      let cursor = '';
      for (let i = 0; i < 10; i++) {
        const page = await get(`sortBy=displayName&sortOrder=descending&count=2&cursor=${cursor}`);
        seen.push(...userNames(page));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const expected = userNames(await get('sortBy=displayName&sortOrder=descending'));
      expect(seen).toEqual(expected);
    });

    it('refuses tampered, foreign, expired cursors and bad counts', async () => {
      const first = await get('cursor&count=2');
      const cursor = first.nextCursor as string;
      const tampered = cursor.slice(0, -3) + (cursor.endsWith('AAA') ? 'BBB' : 'AAA');
      for (const bad of [tampered, 'garbage', `${cursor}x`]) {
        const response = await roster.request(idp, 'GET', `/Users?count=2&cursor=${encodeURIComponent(bad)}`);
        expect(response.status).toBe(400);
        expect(response.body.scimType).toBe('invalidCursor');
      }
      // Bound to the query: the same cursor with another filter is refused.
      const otherQuery = await roster.request(
        idp,
        'GET',
        `/Users?count=2&filter=active%20eq%20true&cursor=${cursor}`,
      );
      expect(otherQuery.body.scimType).toBe('invalidCursor');
      // Bound to the integration.
      const other = await roster.createIntegration();
      const foreign = await roster.request(other, 'GET', `/Users?count=2&cursor=${cursor}`);
      expect(foreign.body.scimType).toBe('invalidCursor');
      roster.clock.advanceDays(1);
      try {
        const expired = await roster.request(idp, 'GET', `/Users?count=2&cursor=${cursor}`);
        expect(expired.body.scimType).toBe('expiredCursor');
      } finally {
        roster.clock.advanceDays(-1);
      }
      for (const count of ['0', '1001', '-1']) {
        const response = await roster.request(idp, 'GET', `/Users?cursor&count=${count}`);
        expect(response.status).toBe(400);
        expect(response.body.scimType).toBe('invalidCount');
      }
    });

    it('projects attributes and excludedAttributes, keeping id and schemas', async () => {
      const narrow = await get(
        'attributes=userName,name.givenName,emails.value&filter=userName%20eq%20%22echo%22',
      );
      expect(narrow.Resources[0]).toEqual({
        schemas: expect.any(Array),
        id: ids.get('echo'),
        userName: 'echo',
        emails: [{ value: 'echo@home.example' }, { value: 'echo@work.example' }],
      });
      const without = await get(
        `excludedAttributes=emails,meta,${ENTERPRISE}:employeeNumber,id&filter=userName%20eq%20%22echo%22`,
      );
      const resource = without.Resources[0] as Record<string, unknown>;
      expect(resource.id).toBe(ids.get('echo'));
      expect(resource).not.toHaveProperty('emails');
      expect(resource).not.toHaveProperty('meta');
      expect(resource).not.toHaveProperty(ENTERPRISE);
      const single = await roster.request(
        idp,
        'GET',
        `/Users/${ids.get('echo') as string}?attributes=active`,
      );
      expect(Object.keys(single.body).sort()).toEqual(['active', 'id', 'schemas']);
    });

    it('searches with POST /.search on a type and at the root', async () => {
      const search = await roster.request(idp, 'POST', '/Users/.search', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: 'userName sw "b" or userName sw "c"',
        sortBy: 'userName',
        attributes: ['userName'],
        startIndex: 1,
        count: 10,
      });
      expect(search.status).toBe(200);
      expect(userNames(search.body as unknown as Listed)).toEqual(['bravo', 'charlie']);
      await roster.request(idp, 'POST', '/Groups', { displayName: 'charlie team' });
      const root = await roster.request(idp, 'POST', '/.search', {
        filter: 'displayName sw "CHARLIE"',
        count: 10,
      });
      expect(root.status).toBe(200);
      const resources = (root.body as unknown as Listed).Resources;
      expect(resources.map((r) => (r.meta as { resourceType: string }).resourceType)).toEqual([
        'User',
        'Group',
      ]);
      expect(root.body.totalResults).toBe(2);
      const bad = await roster.request(idp, 'POST', '/Users/.search', { count: 'ten' });
      expect(bad.status).toBe(400);
    });

    it('shows each user on a page, index or cursor, exactly as GET shows it', async () => {
      // Pages splice the stored JSON where the projection keeps it whole (resource-representation.ts):
      // a member of a group and the enterprise extension must still come out as GET shows them.
      const team = await roster.request(idp, 'POST', '/Groups', {
        displayName: 'page team',
        members: [{ value: ids.get('delta') }, { value: ids.get('golf') }],
      });
      expect(team.status).toBe(201);
      await roster.request(idp, 'PATCH', `/Users/${ids.get('bravo') as string}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'add', path: 'nickName', value: 'b' },
          { op: 'add', path: `${ENTERPRISE}:department`, value: 'R&D' },
        ],
      });
      for (const query of ['count=50', 'cursor&count=50', 'count=50&excludedAttributes=emails']) {
        const page = await get(query);
        expect(page.Resources).toHaveLength(names.length);
        const projection = query.includes('excluded') ? '?excludedAttributes=emails' : '';
        for (const listed of page.Resources) {
          const single = await roster.request(idp, 'GET', `/Users/${listed.id as string}${projection}`);
          // The same members; an extension's may come in another order (jsonb orders them its way).
          expect(listed).toStrictEqual(single.body);
          expect(Object.keys(listed)).toEqual(Object.keys(single.body));
        }
      }
      const delta = (await get(`filter=userName eq "delta"&count=5`)).Resources[0];
      expect((delta?.groups as unknown[]).length).toBe(1);
    });
  },
);

describe.each(testEngines)('cursor walks and group membership reads on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let membershipReads = 0;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, {
      wrapStore: (store: DirectoryStore): DirectoryStore =>
        countMembershipReads(store, () => membershipReads++),
    });
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  it('returns every user that existed throughout a walk exactly once, while others come and go', async () => {
    const stable: string[] = [];
    for (let i = 0; i < 60; i++) {
      stable.push(
        (await roster.request(idp, 'POST', '/Users', { userName: `stable-${i}` })).body.id as string,
      );
    }
    const transient: string[] = [];
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 100; page++) {
      const body = (await roster.request(idp, 'GET', `/Users?count=7&cursor=${cursor}`))
        .body as unknown as Listed;
      seen.push(...body.Resources.map((r) => r.id as string));
      // Churn between pages: new users arrive, earlier transient ones leave.
      transient.push(
        (await roster.request(idp, 'POST', '/Users', { userName: `transient-${page}` })).body.id as string,
      );
      if (page % 2 === 1) await roster.request(idp, 'DELETE', `/Users/${transient.shift() as string}`);
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    for (const id of stable) expect(seen.filter((s) => s === id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('walks index pages the way Okta imports, each user that existed throughout exactly once, under churn', async () => {
    const before = (await roster.request(idp, 'GET', '/Users?count=0')).body as unknown as Listed;
    const stable: string[] = [];
    for (let i = 0; i < 40; i++) {
      stable.push(
        (await roster.request(idp, 'POST', '/Users', { userName: `indexed-${i}` })).body.id as string,
      );
    }
    let live = (before.totalResults ?? 0) + stable.length;
    const transient: string[] = [];
    const seen: string[] = [];
    for (let start = 1; start <= 500; start += 9) {
      const body = (await roster.request(idp, 'GET', `/Users?startIndex=${start}&count=9`))
        .body as unknown as Listed;
      // totalResults is exact on every page, however the page was found.
      expect(body.totalResults).toBe(live);
      seen.push(...body.Resources.map((r) => r.id as string));
      if (body.Resources.length < 9) break;
      // Churn between pages: a user already seen leaves (with OFFSET the next page would skip one),
      // and a new one arrives.
      transient.push(
        (await roster.request(idp, 'POST', '/Users', { userName: `arrived-${start}` })).body.id as string,
      );
      await roster.request(idp, 'DELETE', `/Users/${transient.shift() as string}`);
      await roster.request(idp, 'DELETE', `/Users/${stable.shift() as string}`);
      live -= 1;
    }
    const remaining = stable.filter((id) => !seen.includes(id));
    expect(remaining).toEqual([]);
    expect(new Set(seen).size).toBe(seen.length);
    // A jump or a re-read is an ordinary offset page.
    const first = (await roster.request(idp, 'GET', '/Users?startIndex=1&count=3')).body as unknown as Listed;
    const again = (await roster.request(idp, 'GET', '/Users?startIndex=1&count=3')).body as unknown as Listed;
    expect(again.Resources).toEqual(first.Resources);
    const jump = (await roster.request(idp, 'GET', '/Users?startIndex=3&count=2')).body as unknown as Listed;
    expect(jump.Resources.map((r) => r.id)).toEqual(
      (
        (await roster.request(idp, 'GET', '/Users?startIndex=1&count=4')).body as unknown as Listed
      ).Resources.slice(2).map((r) => r.id),
    );
  });

  it('does not read membership rows for excludedAttributes=members', async () => {
    const user = await roster.request(idp, 'POST', '/Users', { userName: 'member-x' });
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'big',
      members: [{ value: user.body.id }],
    });
    const id = group.body.id as string;
    membershipReads = 0;
    const excluded = await roster.request(idp, 'GET', `/Groups/${id}?excludedAttributes=members`);
    expect(excluded.body).not.toHaveProperty('members');
    const listed = await roster.request(
      idp,
      'GET',
      `/Groups?filter=displayName%20eq%20%22big%22&excludedAttributes=members`,
    );
    expect((listed.body as unknown as Listed).Resources[0]).not.toHaveProperty('members');
    const narrowed = await roster.request(idp, 'GET', `/Groups/${id}?attributes=displayName`);
    expect(narrowed.body).not.toHaveProperty('members');
    expect(membershipReads).toBe(0);
    const full = await roster.request(idp, 'GET', `/Groups/${id}`);
    expect(full.body.members).toHaveLength(1);
    expect(membershipReads).toBe(1);
  });
});

/** Wraps a store so the test sees every read of membership rows (members of a group, groups of a user). */
function countMembershipReads(store: DirectoryStore, onRead: () => void): DirectoryStore {
  const scimResources = {
    ...store.scimResources,
    membersOf: (...args: Parameters<DirectoryStore['scimResources']['membersOf']>) => {
      onRead();
      return store.scimResources.membersOf(...args);
    },
  };
  return {
    ...store,
    scimResources,
    transaction: (work) => store.transaction((inner) => work(countMembershipReads(inner, onRead))),
  };
}
