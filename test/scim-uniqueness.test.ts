import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

describe.each(testEngines)('userName uniqueness within an integration on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  it('gives 409 uniqueness to a case-variant duplicate', async () => {
    expect((await roster.request(idp, 'POST', '/Users', { userName: 'Jane.Doe@Example.com' })).status).toBe(
      201,
    );
    const duplicate = await roster.request(idp, 'POST', '/Users', { userName: 'jane.doe@example.COM' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect(duplicate.body.detail).toContain('userName');
  });

  it('gives 409 when a replace would take another user’s userName, and changes nothing', async () => {
    const first = await roster.request(idp, 'POST', '/Users', { userName: 'first', displayName: 'First' });
    await roster.request(idp, 'POST', '/Users', { userName: 'second' });
    const clash = await roster.request(idp, 'PUT', `/Users/${first.body.id as string}`, {
      userName: 'SECOND',
      displayName: 'Changed',
    });
    expect(clash.status).toBe(409);
    const read = await roster.request(idp, 'GET', `/Users/${first.body.id as string}`);
    expect(read.body).toMatchObject({ userName: 'first', displayName: 'First' });
  });

  it('lets exactly one of many racing creates win', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // Twenty different requests (an identical one would be a retry, answered with the same user).
        roster.request(idp, 'POST', '/Users', { userName: i % 2 ? 'RACER' : 'racer', title: `racer ${i}` }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const list = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "racer"')}`,
    );
    expect(list.body.totalResults).toBe(1);
  });
});
