import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

describe.each(testEngines)('mutability on PUT (RFC 7643 §2.2) on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  it('ignores readOnly values: id, meta and groups cannot be written', async () => {
    const created = await roster.request(idp, 'POST', '/Users', {
      id: 'client-chosen-id',
      userName: 'readonly-test',
      meta: { created: '2001-01-01T00:00:00Z', resourceType: 'Group' },
      groups: [{ value: 'some-group' }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(id).not.toBe('client-chosen-id');
    expect(created.body.meta).toMatchObject({ resourceType: 'User' });
    expect((created.body.meta as { created: string }).created).not.toBe('2001-01-01T00:00:00.000Z');
    expect(created.body).not.toHaveProperty('groups');

    const replaced = await roster.request(idp, 'PUT', `/Users/${id}`, {
      id: 'another-id',
      userName: 'readonly-test',
      meta: { created: '2001-01-01T00:00:00Z' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(id);
    expect((replaced.body.meta as { created: string }).created).toBe(
      (created.body.meta as { created: string }).created,
    );
  });

  it('never stores or returns a writeOnly password', async () => {
    const created = await roster.request(idp, 'POST', '/Users', { userName: 'pw', password: 'hunter2' });
    expect(created.text).not.toContain('hunter2');
    const read = await roster.request(idp, 'GET', `/Users/${created.body.id as string}`);
    expect(read.text).not.toContain('hunter2');
  });

  it('ignores a member display name the client sends (readOnly) and derives it', async () => {
    const user = await roster.request(idp, 'POST', '/Users', {
      userName: 'member',
      displayName: 'Real Name',
    });
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'With Display',
      members: [{ value: user.body.id, display: 'Fake Name' }],
    });
    expect(group.body.members).toEqual([expect.objectContaining({ display: 'Real Name' })]);
  });
});
