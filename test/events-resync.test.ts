import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client.js';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

interface IdentityCopy {
  name: string;
  status: string;
  attributes: string[];
}

/**
 * The resync recipe of docs/events.md under concurrent writes: take the feed's cursor, read every
 * identity page by page while writers go on, then apply the events after the cursor. The copy must end
 * equal to Roster's own state, whatever the full read happened to see.
 */
describe.each(testEngines)('resync from the events feed on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    admin = await AdminClient.forOrganization(roster, organizationId);
    base = `/organizations/${organizationId}`;
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  async function fullRead(): Promise<Map<string, IdentityCopy>> {
    const copy = new Map<string, IdentityCopy>();
    let cursor: string | null = null;
    do {
      const page = await admin.get(`${base}/identities?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      for (const identity of page.body.data)
        copy.set(identity.id, {
          name: identity.name,
          status: identity.status,
          attributes: identity.attributes,
        });
      cursor = page.body.nextCursor;
      // Let the writers move between pages: the read is not a snapshot.
      await new Promise((resolve) => setTimeout(resolve, 5));
    } while (cursor);
    return copy;
  }

  it('converges to Roster’s state: full read, then the events after the cursor taken before it', async () => {
    const users: string[] = [];
    for (let i = 0; i < 30; i++)
      users.push(
        (await roster.request(idp, 'POST', '/Users', { userName: `r${i}@example.com` })).body.id as string,
      );
    const group = await roster.request(idp, 'POST', '/Groups', { displayName: 'resync-team' });

    const cursor = (await admin.get(`${base}/events/cursor`)).body.cursor as string;
    let writing = true;
    let readDone = false;
    const writers = (async () => {
      // At least three rounds, and more until the full read is done (bounded): the read must overlap
      // the writes however fast or slow the machine is.
      for (let round = 0; round < 3 || (!readDone && round < 40); round++) {
        await Promise.all(
          users.map(async (id, i) => {
            const op = (i + round) % 4;
            if (op === 0)
              await roster.request(idp, 'PATCH', `/Users/${id}`, {
                schemas: [PATCH],
                Operations: [{ op: 'replace', path: 'userName', value: `r${i}-v${round}@example.com` }],
              });
            else if (op === 1)
              await roster.request(idp, 'PATCH', `/Users/${id}`, {
                schemas: [PATCH],
                Operations: [{ op: 'replace', path: 'active', value: round % 2 === 0 }],
              });
            else if (op === 2)
              await roster.request(idp, 'PATCH', `/Groups/${group.body.id}`, {
                schemas: [PATCH],
                Operations: [
                  { op: round % 2 === 0 ? 'add' : 'remove', path: 'members', value: [{ value: id }] },
                ],
              });
            // New users only in the first rounds: identities listed by id, each new one lands after the
            // read's cursor, and a read of 7 per page must not chase a list that grows with every round.
            else if (round < 3)
              await roster.request(idp, 'POST', '/Users', { userName: `new-${round}-${i}@example.com` });
            else
              await roster.request(idp, 'PATCH', `/Users/${id}`, {
                schemas: [PATCH],
                Operations: [{ op: 'replace', path: 'displayName', value: `R ${i} ${round}` }],
              });
          }),
        );
      }
      await roster.request(idp, 'DELETE', `/Users/${users[0]}`);
      writing = false;
    })();

    const copy = await fullRead();
    expect(writing, 'the full read overlapped the writes').toBe(true);
    readDone = true;
    await writers;

    let after = cursor;
    for (;;) {
      const page = await admin.get(`${base}/events?after=${after}&limit=100`);
      for (const event of page.body.data) {
        if (event.resource.type !== 'identity') continue;
        const { name, status, attributes } = event.data;
        copy.set(event.resource.id, { name, status, attributes });
      }
      after = page.body.cursor;
      if (!page.body.hasMore) break;
    }

    const truth = await fullRead();
    expect(truth.size).toBeGreaterThan(30);
    expect(Object.fromEntries(copy)).toEqual(Object.fromEntries(truth));
  });
});
