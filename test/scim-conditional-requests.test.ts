import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

describe.each(testEngines)('ETags and conditional requests (RFC 7644 §3.14) on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  it('puts an ETag on every single-resource response and changes it on every write', async () => {
    const created = await roster.request(idp, 'POST', '/Users', { userName: 'etag-user' });
    const id = created.body.id as string;
    const first = created.headers.get('etag');
    expect(first).toBe('W/"1"');
    const read = await roster.request(idp, 'GET', `/Users/${id}`);
    expect(read.headers.get('etag')).toBe(first);
    const replaced = await roster.request(idp, 'PUT', `/Users/${id}`, { userName: 'etag-user', title: 'x' });
    expect(replaced.headers.get('etag')).toBe('W/"2"');
    expect((replaced.body.meta as { version: string }).version).toBe('W/"2"');
  });

  it('answers 304 with no body to If-None-Match with the current version, 200 otherwise', async () => {
    const created = await roster.request(idp, 'POST', '/Users', { userName: 'cached' });
    const id = created.body.id as string;
    const etag = created.headers.get('etag') as string;
    const notModified = await roster.request(idp, 'GET', `/Users/${id}`, undefined, {
      'if-none-match': etag,
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const stale = await roster.request(idp, 'GET', `/Users/${id}`, undefined, { 'if-none-match': 'W/"999"' });
    expect(stale.status).toBe(200);
  });

  it('applies PUT and DELETE with a matching If-Match, and refuses a stale one with 412, changing nothing', async () => {
    const created = await roster.request(idp, 'POST', '/Groups', { displayName: 'conditional' });
    const id = created.body.id as string;
    const v1 = created.headers.get('etag') as string;
    const ok = await roster.request(
      idp,
      'PUT',
      `/Groups/${id}`,
      { displayName: 'conditional 2' },
      { 'if-match': v1 },
    );
    expect(ok.status).toBe(200);
    const stalePut = await roster.request(
      idp,
      'PUT',
      `/Groups/${id}`,
      { displayName: 'lost update' },
      { 'if-match': v1 },
    );
    expect(stalePut.status).toBe(412);
    expect(stalePut.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '412',
    });
    const staleDelete = await roster.request(idp, 'DELETE', `/Groups/${id}`, undefined, { 'if-match': v1 });
    expect(staleDelete.status).toBe(412);
    const read = await roster.request(idp, 'GET', `/Groups/${id}`);
    expect(read.body.displayName).toBe('conditional 2');
    const any = await roster.request(idp, 'DELETE', `/Groups/${id}`, undefined, { 'if-match': '*' });
    expect(any.status).toBe(204);
    const gone = await roster.request(idp, 'PUT', `/Groups/${id}`, { displayName: 'x' }, { 'if-match': '*' });
    expect(gone.status).toBe(404);
  });

  it('lets exactly one of two racing conditional writes on the same version win', async () => {
    const created = await roster.request(idp, 'POST', '/Users', { userName: 'race' });
    const id = created.body.id as string;
    const etag = created.headers.get('etag') as string;
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((title) =>
        roster.request(idp, 'PUT', `/Users/${id}`, { userName: 'race', title }, { 'if-match': etag }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
  });
});
