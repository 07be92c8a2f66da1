import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client.js';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';
import { roster as runRoster } from './support/spawn-roster.js';

const user = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  active: true,
});

describe.each(testEngines)('pausing an integration on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    const organizationId = (await roster.store.organizations.findByName('default'))!.id;
    base = `/organizations/${organizationId}/integrations`;
  });
  afterAll(() => roster.close());

  const integration = async (name: string): Promise<IntegrationHandle> => {
    const created = await admin.post(base, { name });
    expect(created.status).toBe(201);
    return {
      id: created.body.id,
      token: created.body.token,
      url: `${roster.origin}/scim/v2/${created.body.id}`,
      scope: { organizationId: created.body.organizationId, integrationId: created.body.id },
    };
  };
  const userNames = async (idp: IntegrationHandle) => {
    const listed = await roster.request(idp, 'GET', '/Users?count=1000');
    expect(listed.status).toBe(200);
    return ((listed.body.Resources ?? []) as { userName: string }[]).map((u) => u.userName).sort();
  };

  it('answers every SCIM request 503 with Retry-After while paused, still answers discovery, and changes nothing', async () => {
    const paused = await integration('paused-idp');
    const other = await integration('running-idp');
    const kept = await roster.request(paused, 'POST', '/Users', user('kept@example.com'));
    expect(kept.status).toBe(201);
    const id = kept.body.id as string;

    const pause = await admin.post(`${base}/${paused.id}/pause`);
    expect(pause.status).toBe(200);
    expect(pause.body.pausedAt).toEqual(expect.any(String));
    const listed = await admin.get(base);
    expect(listed.body.data.find((i: { id: string }) => i.id === paused.id).pausedAt).toBe(
      pause.body.pausedAt,
    );
    // Pausing again keeps the time it was first paused.
    expect((await admin.post(`${base}/${paused.id}/pause`)).body.pausedAt).toBe(pause.body.pausedAt);

    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    };
    const bulk = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [{ method: 'POST', path: '/Users', bulkId: 'a', data: user('bulk@example.com') }],
    };
    const refused = [
      ['GET', '/Users'],
      ['GET', `/Users/${id}`],
      ['POST', '/Users', user('new@example.com')],
      ['PUT', `/Users/${id}`, { ...user('kept@example.com'), displayName: 'Changed' }],
      ['PATCH', `/Users/${id}`, patch],
      ['DELETE', `/Users/${id}`],
      ['POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'G' }],
      ['POST', '/Bulk', bulk],
      ['POST', '/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'] }],
      ['GET', '/NoSuchEndpoint'],
    ] as const;
    for (const [method, path, body] of refused) {
      const response = await roster.request(paused, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(503);
      expect(response.headers.get('retry-after'), `${method} ${path}`).toBe('60');
      expect(response.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '503',
        detail: expect.stringContaining('paused'),
      });
      expect(response.body.scimType).toBeUndefined();
    }
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas', '/ResourceTypes/User']) {
      expect((await roster.request(paused, 'GET', path)).status, path).toBe(200);
    }
    // Without the token the answer is 401 as before: a pause tells nobody else that it exists.
    expect((await roster.request({ ...paused, token: 'roster_scim_wrong' }, 'GET', '/Users')).status).toBe(
      401,
    );
    // Other integrations are not affected.
    expect((await roster.request(other, 'POST', '/Users', user('other@example.com'))).status).toBe(201);

    const resume = await admin.post(`${base}/${paused.id}/resume`);
    expect(resume.status).toBe(200);
    expect(resume.body.pausedAt).toBeNull();
    // Nothing of the refused requests happened.
    expect(await userNames(paused)).toEqual(['kept@example.com']);
    const read = await roster.request(paused, 'GET', `/Users/${id}`);
    expect(read.body).toMatchObject({ active: true });
    expect(read.body.displayName).toBeUndefined();
  });

  it('a pause in the middle of concurrent writes: every write answered 201 is there whole, every refused one is absent', async () => {
    const idp = await integration('busy-idp');
    const writes = Array.from(
      { length: 60 },
      (_, n) => `concurrent-${String(n).padStart(2, '0')}@example.com`,
    );
    const answers = new Map<string, number>();
    let sent = 0;
    await Promise.all([
      ...Array.from({ length: 8 }, async () => {
        while (sent < writes.length) {
          const userName = writes[sent++]!;
          const response = await roster.request(idp, 'POST', '/Users', user(userName));
          answers.set(userName, response.status);
        }
      }),
      (async () => {
        while (sent < writes.length / 3) await new Promise((resolve) => setTimeout(resolve, 2));
        expect((await admin.post(`${base}/${idp.id}/pause`)).status).toBe(200);
      })(),
    ]);
    const statuses = [...answers.values()];
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    await admin.post(`${base}/${idp.id}/resume`);
    const stored = await userNames(idp);
    expect(stored).toEqual(
      [...answers]
        .filter(([, s]) => s === 201)
        .map(([name]) => name)
        .sort(),
    );
  });

  it.runIf(engine.name === 'sqlite')(
    'roster integration pause|resume, and the pause in integration list',
    async () => {
      const idp = await integration('cli-idp');
      const env = { ROSTER_DATABASE_URL: roster.database.databaseUrl, ...roster.database.processEnv };
      const paused = JSON.parse(
        (await runRoster(['integration', 'pause', 'cli-idp', '--json'], env)).stdout,
      ) as {
        pausedAt: string;
      };
      expect(paused.pausedAt).toEqual(expect.any(String));
      expect((await roster.request(idp, 'GET', '/Users')).status).toBe(503);
      const table = (await runRoster(['integration', 'list'], env)).stdout;
      expect(table.split('\n').find((line) => line.startsWith('cli-idp'))).toContain(
        `since ${paused.pausedAt}`,
      );
      const json = JSON.parse((await runRoster(['integration', 'list', '--json'], env)).stdout) as {
        name: string;
        pausedAt: string | null;
      }[];
      expect(json.find((i) => i.name === 'cli-idp')?.pausedAt).toBe(paused.pausedAt);
      const resumed = await runRoster(['integration', 'resume', idp.id], env);
      expect(resumed.stdout).toContain('Resumed integration "cli-idp"');
      expect((await roster.request(idp, 'GET', '/Users')).status).toBe(200);
    },
  );
});
