import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * Every name Object.prototype answers for (`constructor`, `toString`, `__proto__`, …), as a key or a path
 * wherever a request carries names: a lookup in a plain object finds these (issue 14: any body with a
 * top-level "constructor" was a 500). The lint rule in eslint.config.js keeps such lookups out of the
 * code; this sends them everywhere and requires a 2xx or a 4xx RFC 7644 answer, never a 5xx.
 */
const PROTOTYPE_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'prototype',
].filter((name, index, all) => all.indexOf(name) === index);

interface Probe {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

function probesFor(name: string, n: number, userId: string, groupId: string): Probe[] {
  const patch = (operations: unknown[], extra: Record<string, unknown> = {}) => ({
    schemas: [PATCH_OP],
    Operations: operations,
    ...extra,
  });
  const encoded = encodeURIComponent(name);
  // __proto__ cannot be written as a key of a JSON body that reaches the code: Fastify's parser refuses it
  // (400), which is also a correct answer; it is sent anyway.
  const keyed = (key: string, value: unknown) =>
    JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`);
  return [
    { method: 'POST', path: '/Users', body: { userName: `a${n}`, ...keyed(name, 'x') } },
    { method: 'POST', path: '/Users', body: { userName: `b${n}`, ...keyed(name, { a: 1 }) } },
    { method: 'POST', path: '/Users', body: { userName: `c${n}`, name: keyed(name, 'x') } },
    {
      method: 'POST',
      path: '/Users',
      body: { userName: `d${n}`, emails: [{ value: 'a@b', ...keyed(name, 'x') }] },
    },
    { method: 'POST', path: '/Users', body: { userName: `e${n}`, [ENTERPRISE]: keyed(name, 'x') } },
    {
      method: 'POST',
      path: '/Users',
      body: { userName: `f${n}`, [`urn:ietf:params:scim:schemas:core:2.0:User:${name}`]: 'x' },
    },
    { method: 'POST', path: '/Users', body: { userName: `g${n}`, [`${ENTERPRISE}:${name}`]: 'x' } },
    { method: 'POST', path: '/Groups', body: { displayName: `g${n}`, ...keyed(name, 'x') } },
    {
      method: 'POST',
      path: '/Groups',
      body: { displayName: `h${n}`, members: [{ value: userId, ...keyed(name, 1) }] },
    },
    { method: 'PUT', path: `/Users/${userId}`, body: { userName: 'base', ...keyed(name, { a: 1 }) } },
    { method: 'PUT', path: `/Groups/${groupId}`, body: { displayName: 'base-group', ...keyed(name, 'x') } },
    { method: 'PATCH', path: `/Users/${userId}`, body: patch([{ op: 'add', path: name, value: 'x' }]) },
    { method: 'PATCH', path: `/Users/${userId}`, body: patch([{ op: 'add', value: keyed(name, 'x') }]) },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'add', value: { name: keyed(name, 'x') } }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'replace', path: `name.${name}`, value: 'x' }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'replace', path: `${ENTERPRISE}:${name}`, value: 'x' }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'replace', path: `emails[${name} eq "x"].value`, value: 'x' }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'replace', path: `emails[type eq "work"].${name}`, value: 'x' }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: name, path: 'displayName', value: 'x' }]),
    },
    {
      method: 'PATCH',
      path: `/Users/${userId}`,
      body: patch([{ op: 'add', path: 'displayName', value: 'y', ...keyed(name, 1) }], keyed(name, 1)),
    },
    {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([{ op: 'add', path: 'members', value: [{ value: userId, ...keyed(name, 1) }] }]),
    },
    {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([{ op: 'remove', path: `members[${name} eq "x"]` }]),
    },
    { method: 'PATCH', path: `/Groups/${groupId}`, body: patch([{ op: 'add', value: keyed(name, 'x') }]) },
    { method: 'GET', path: `/Users?filter=${encodeURIComponent(`${name} eq "x"`)}` },
    { method: 'GET', path: `/Users?filter=${encodeURIComponent(`name.${name} eq "x"`)}` },
    { method: 'GET', path: `/Users?filter=${encodeURIComponent(`emails[${name} eq "x"]`)}` },
    { method: 'GET', path: `/Groups?filter=${encodeURIComponent(`members.${name} eq "x"`)}` },
    { method: 'GET', path: `/Users?sortBy=${encoded}` },
    { method: 'GET', path: `/Users?attributes=${encoded}&excludedAttributes=${encoded}` },
    { method: 'GET', path: `/Users/${userId}?attributes=${encoded}` },
    { method: 'GET', path: `/Users?${encoded}=1` },
    { method: 'GET', path: `/Users/${encoded}` },
    { method: 'GET', path: `/${encoded}` },
    { method: 'POST', path: '/.search', body: { filter: 'userName eq "x"', ...keyed(name, 1) } },
    { method: 'POST', path: '/Users/.search', body: { ...keyed(name, 1), attributes: [name] } },
    {
      method: 'POST',
      path: '/Bulk',
      body: {
        schemas: [BULK],
        Operations: [
          { method: 'POST', path: '/Users', bulkId: name, data: { userName: `i${n}`, ...keyed(name, 1) } },
        ],
      },
    },
    {
      method: 'POST',
      path: '/Bulk',
      body: {
        schemas: [BULK],
        ...keyed(name, 1),
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'q', ...keyed(name, 1), data: { userName: `j${n}` } },
        ],
      },
    },
    {
      method: 'POST',
      path: '/Bulk',
      body: {
        schemas: [BULK],
        Operations: [
          {
            method: 'POST',
            path: '/Groups',
            bulkId: 'g1',
            data: { displayName: `k${n}`, members: [{ value: `bulkId:${name}` }] },
          },
        ],
      },
    },
    {
      method: 'POST',
      path: '/Bulk',
      body: { schemas: [BULK], Operations: [{ method: name, path: `/${name}`, data: {} }] },
    },
  ];
}

describe.each(testEngines)('names Object.prototype answers for never reach a 5xx on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
    userId = (await roster.request(idp, 'POST', '/Users', { userName: 'base' })).body.id as string;
    groupId = (await roster.request(idp, 'POST', '/Groups', { displayName: 'base-group' })).body.id as string;
  });
  afterAll(() => roster.close());

  it('answers every probe with a 2xx or an RFC 7644 4xx', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const name of PROTOTYPE_NAMES) {
      for (const probe of probesFor(name, n++, userId, groupId)) {
        const response = await roster.request(idp, probe.method, probe.path, probe.body);
        const isScimError =
          response.status < 400 ||
          (Array.isArray(response.body.schemas) &&
            response.body.schemas.includes('urn:ietf:params:scim:api:messages:2.0:Error'));
        if (response.status >= 500 || !isScimError) {
          failures.push(`${response.status} ${probe.method} ${probe.path} ${JSON.stringify(probe.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('ignores an unknown "constructor" attribute as it ignores any unknown attribute', async () => {
    const created = await roster.request(idp, 'POST', '/Users', {
      userName: 'with-constructor',
      constructor: { prototype: 1 },
      toString: 'x',
    });
    // Fastify's parser refuses {"constructor":{"prototype":…}} (constructor poisoning): 400.
    expect(created.status).toBe(400);
    const plain = await roster.request(idp, 'POST', '/Users', {
      userName: 'plain-constructor',
      constructor: 'x',
    });
    expect(plain.status).toBe(201);
    expect(plain.body).not.toHaveProperty('constructor', 'x');
  });
});
