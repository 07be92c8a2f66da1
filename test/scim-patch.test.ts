import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe.each(testEngines)('PATCH through the server on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());

  const user = async (userName: string, extra: Record<string, unknown> = {}) =>
    (await roster.request(idp, 'POST', '/Users', { userName, ...extra })).body.id as string;

  it('applies add, replace and remove with paths, value filters and URN paths, and bumps the version', async () => {
    const id = await user('patchy', { emails: [{ value: 'p@home.example', type: 'home' }] });
    const response = await roster.request(
      idp,
      'PATCH',
      `/Users/${id}`,
      patch(
        { op: 'Replace', path: 'displayName', value: 'Patchy McPatch' },
        { op: 'add', path: 'emails[type eq "work"].value', value: 'p@work.example' },
        { op: 'add', path: `${ENTERPRISE}:department`, value: 'R&D' },
        { op: 'remove', path: 'emails[type eq "home"]' },
        { op: 'replace', path: 'active', value: 'False' },
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('W/"2"');
    expect(response.body).toMatchObject({
      displayName: 'Patchy McPatch',
      active: false,
      emails: [{ value: 'p@work.example', type: 'work' }],
      [ENTERPRISE]: { department: 'R&D' },
    });
  });

  it('is atomic: a failing operation leaves the resource as it was', async () => {
    const id = await user('atomic', { displayName: 'Before' });
    const response = await roster.request(
      idp,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'replace', path: 'displayName', value: 'After' }, { op: 'remove', path: 'userName' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
    const read = await roster.request(idp, 'GET', `/Users/${id}`);
    expect(read.body.displayName).toBe('Before');
    expect(read.headers.get('etag')).toBe('W/"1"');
  });

  it('reports each error type with its scimType', async () => {
    const id = await user('errors');
    const cases: [unknown, string][] = [
      [patch({ op: 'remove' }), 'noTarget'],
      [patch({ op: 'replace', path: 'no such path!', value: 1 }), 'invalidPath'],
      [patch({ op: 'replace', path: 'id', value: 'x' }), 'mutability'],
      [patch({ op: 'replace', path: 'active', value: 'maybe' }), 'invalidValue'],
      [{ Operations: 'nope' }, 'invalidSyntax'],
      [patch({ op: 'remove', path: 'emails[type eq ]' }), 'invalidFilter'],
    ];
    for (const [body, scimType] of cases) {
      const response = await roster.request(idp, 'PATCH', `/Users/${id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.scimType, JSON.stringify(body)).toBe(scimType);
    }
    expect(
      (
        await roster.request(
          idp,
          'PATCH',
          '/Users/00000000-0000-7000-8000-000000000000',
          patch({ op: 'replace', path: 'active', value: true }),
        )
      ).status,
    ).toBe(404);
  });

  // RFC 7644 §3.5.2: "200 OK and the entire resource", or 204 No Content. A group answers 204 unless a
  // representation is asked for, and then the whole of it, members included.
  it('adds and removes group members as rows, and answers 204, or the whole group when asked', async () => {
    const a = await user('member-a');
    const b = await user('member-b');
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'patched group',
      members: [{ value: a }],
    });
    const id = group.body.id as string;
    const added = await roster.request(
      idp,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: b }] }),
    );
    expect(added.status).toBe(204);
    expect(added.text).toBe('');
    expect(added.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    const asked = await roster.request(
      idp,
      'PATCH',
      `/Groups/${id}?attributes=members`,
      patch({ op: 'remove', path: `members[value eq "${a}"]` }),
    );
    expect((asked.body.members as { value: string }[]).map((m) => m.value)).toEqual([b]);
    const whole = await roster.request(
      idp,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: a }] }),
      { prefer: 'return=representation' },
    );
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ id, displayName: 'patched group' });
    expect((whole.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([a, b].sort());
    const minimal = await roster.request(
      idp,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'replace', path: 'displayName', value: 'renamed' }),
      { prefer: 'return=minimal' },
    );
    expect(minimal.status).toBe(204);
    const unknown = await roster.request(
      idp,
      'PATCH',
      `/Groups/${id}`,
      patch({ op: 'add', path: 'members', value: [{ value: 'ghost' }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('"ghost"');
  });

  it('loses no member when 16 connections add members to one group at once', async () => {
    const group = await roster.request(idp, 'POST', '/Groups', { displayName: 'concurrent' });
    const id = group.body.id as string;
    const members: string[] = [];
    for (let i = 0; i < 48; i++) members.push(await user(`concurrent-${i}`));
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < members.length) {
          const member = members[next++] as string;
          const response = await roster.request(
            idp,
            'PATCH',
            `/Groups/${id}`,
            patch({ op: 'add', path: 'members', value: [{ value: member }] }),
          );
          statuses.push(response.status);
        }
      }),
    );
    expect(statuses.every((s) => s === 204)).toBe(true);
    const read = await roster.request(idp, 'GET', `/Groups/${id}`);
    expect((read.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual(
      [...members].sort(),
    );
  });

  it('keeps If-Match semantics on PATCH', async () => {
    const id = await user('conditional-patch');
    const stale = await roster.request(
      idp,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'replace', path: 'title', value: 'x' }),
      {
        'if-match': 'W/"7"',
      },
    );
    expect(stale.status).toBe(412);
    const fresh = await roster.request(
      idp,
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'replace', path: 'title', value: 'x' }),
      {
        'if-match': 'W/"1"',
      },
    );
    expect(fresh.status).toBe(200);
  });
});
