import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
type Result = {
  method: string;
  bulkId?: string;
  status: string;
  location?: string;
  version?: string;
  response?: { scimType?: string; detail?: string };
};

describe.each(testEngines)('Bulk (RFC 7644 §3.7) on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  const bulk = async (Operations: unknown[], extra: Record<string, unknown> = {}) => {
    const response = await roster.request(idp, 'POST', '/Bulk', { schemas: [BULK], Operations, ...extra });
    return {
      status: response.status,
      body: response.body,
      results: (response.body.Operations ?? []) as Result[],
    };
  };

  it('creates, updates and deletes, resolving a forward bulkId reference', async () => {
    const { status, results } = await bulk([
      // The group names a user that a later operation creates.
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'team',
        data: { displayName: 'Bulk Team', members: [{ value: 'bulkId:ada' }] },
      },
      { method: 'POST', path: '/Users', bulkId: 'ada', data: { userName: 'bulk.ada' } },
      {
        method: 'PATCH',
        path: '/Users/bulkId:ada',
        data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Countess' }] },
      },
    ]);
    expect(status).toBe(200);
    expect(results.map((r) => r.status)).toEqual(['201', '201', '200']);
    const [group, user] = results;
    const groupRead = await roster.request(
      idp,
      'GET',
      `/Groups/${(group?.location ?? '').split('/').pop() ?? ''}`,
    );
    const userId = (user?.location ?? '').split('/').pop();
    expect(groupRead.body.members).toEqual([expect.objectContaining({ value: userId })]);
    const userRead = await roster.request(idp, 'GET', `/Users/${userId ?? ''}`);
    expect(userRead.body.title).toBe('Countess');
    const removed = await bulk([
      { method: 'DELETE', path: `/Users/${userId ?? ''}`, version: user?.version },
    ]);
    expect(removed.results[0]).toMatchObject({ status: '412' });
    const removedNow = await bulk([{ method: 'DELETE', path: `/Users/${userId ?? ''}` }]);
    expect(removedNow.results[0]).toMatchObject({ method: 'DELETE', status: '204' });
  });

  it('reports circular references, unknown references and per-operation errors', async () => {
    const { results } = await bulk([
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'a',
        data: { displayName: 'A', members: [{ value: 'bulkId:b' }] },
      },
      {
        method: 'POST',
        path: '/Groups',
        bulkId: 'b',
        data: { displayName: 'B', members: [{ value: 'bulkId:a' }] },
      },
      { method: 'POST', path: '/Users', bulkId: 'c', data: { userName: 'c', manager: 'bulkId:nowhere' } },
      { method: 'POST', path: '/Users', bulkId: 'd', data: { displayName: 'no userName' } },
      { method: 'POST', path: '/Users', bulkId: 'e', data: { userName: 'fine' } },
    ]);
    const byId = new Map(results.map((r) => [r.bulkId, r]));
    expect(byId.get('a')?.status).toBe('409');
    expect(byId.get('b')?.status).toBe('409');
    expect(byId.get('c')?.status).toBe('400');
    expect(byId.get('d')).toMatchObject({ status: '400', response: { scimType: 'invalidValue' } });
    expect(byId.get('e')?.status).toBe('201');
  });

  it('stops after failOnErrors errors', async () => {
    const { results } = await bulk(
      [
        { method: 'POST', path: '/Users', bulkId: '1', data: { displayName: 'bad' } },
        { method: 'POST', path: '/Users', bulkId: '2', data: { displayName: 'bad too' } },
        { method: 'POST', path: '/Users', bulkId: '3', data: { userName: 'never-made' } },
      ],
      { failOnErrors: 2 },
    );
    expect(results.map((r) => r.bulkId)).toEqual(['1', '2']);
    const search = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "never-made"')}`,
    );
    expect(search.body.totalResults).toBe(0);
  });

  it('enforces maxOperations and the request shape', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => ({
      method: 'POST',
      path: '/Users',
      bulkId: `u${i}`,
      data: { userName: `many-${i}` },
    }));
    expect((await bulk(tooMany)).status).toBe(413);
    expect((await roster.request(idp, 'POST', '/Bulk', { Operations: [] })).status).toBe(400);
    const noBulkId = await bulk([{ method: 'POST', path: '/Users', data: { userName: 'x' } }]);
    expect(noBulkId.status).toBe(400);
  });
});
