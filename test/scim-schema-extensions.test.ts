import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { AdminClient } from './support/admin-client.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const ACME = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

const acmeDefinition = {
  urn: ACME,
  name: 'AcmeUser',
  description: 'Acme attributes',
  attributes: [
    { name: 'costCenter', type: 'string' },
    { name: 'licenseTier', type: 'string', canonicalValues: ['basic', 'pro', 'enterprise'] },
    { name: 'seats', type: 'integer' },
    { name: 'badge', type: 'string', uniqueness: 'server' },
    { name: 'locations', type: 'string', multiValued: true },
    {
      name: 'office',
      type: 'complex',
      subAttributes: [
        { name: 'building', type: 'string' },
        { name: 'floor', type: 'integer' },
      ],
    },
  ],
};

describe.each(testEngines)('custom schema extensions on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let idp: IntegrationHandle;
  let other: IntegrationHandle;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    base = `/organizations/${organizationId}`;
    idp = await roster.createIntegration('acme-idp');
    other = await roster.createIntegration('plain-idp');
  });
  afterAll(() => roster.close());

  const user = (userName: string, acme: Record<string, unknown>) => ({
    schemas: [USER, ACME],
    userName,
    [ACME]: acme,
  });

  it('defines an extension, checked against RFC 7643 §2, and lists, gets and versions it', async () => {
    const bad = await admin.post(`${base}/schema-extensions`, {
      urn: 'urn:ietf:params:scim:schemas:core:2.0:User',
      name: 'X',
      attributes: [
        { name: '9lives', type: 'string' },
        { name: 'a', type: 'string' },
        { name: 'A', type: 'string' },
        { name: 'b', type: 'binary' },
        { name: 'c', type: 'complex', subAttributes: [{ name: 'd', type: 'complex', subAttributes: [] }] },
        { name: 'e', type: 'string', subAttributes: [{ name: 'f', type: 'string' }] },
      ],
    });
    expect(bad.status).toBe(400);
    const messages = (bad.body.error.details as { message: string }[]).map((d) => d.message).join('\n');
    expect(messages).toMatch(/reserved by RFC 7643/);
    expect(messages).toMatch(/RFC 7643 §2.1/);
    expect(messages).toMatch(/binary/);
    expect(messages).toMatch(/defined twice/);
    expect(messages).toMatch(/cannot be complex/);
    expect(messages).toMatch(/only a complex attribute has subAttributes/);

    const created = await admin.post(`${base}/schema-extensions`, acmeDefinition);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ urn: ACME, version: 1, resourceType: 'User' });
    expect(created.body.attributes[0]).toMatchObject({
      name: 'costCenter',
      type: 'string',
      multiValued: false,
      required: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
    const again = await admin.post(`${base}/schema-extensions`, {
      ...acmeDefinition,
      urn: ACME.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect((await admin.get(`${base}/schema-extensions`)).body.data).toHaveLength(1);
    expect((await admin.get(`${base}/schema-extensions/${encodeURIComponent(ACME)}`)).body.id).toBe(
      created.body.id,
    );
  });

  it('an integration accepts it: /Schemas and /ResourceTypes advertise exactly what each accepts', async () => {
    const unknown = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      schemaExtensions: ['urn:example:nope:User'],
    });
    expect(unknown.status).toBe(400);
    const accepted = await admin.patch(`${base}/integrations/${idp.id}/settings`, {
      schemaExtensions: [ACME],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    const types = await roster.request(idp, 'GET', '/ResourceTypes/User');
    expect(types.body.schemaExtensions).toEqual([
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
      { schema: ACME, required: false },
    ]);
    const schemas = await roster.request(idp, 'GET', '/Schemas');
    expect((schemas.body.Resources as { id: string }[]).map((s) => s.id)).toContain(ACME);
    const one = await roster.request(idp, 'GET', `/Schemas/${ACME}`);
    expect(one.status).toBe(200);
    expect((one.body.attributes as { name: string }[]).map((a) => a.name)).toEqual([
      'costCenter',
      'licenseTier',
      'seats',
      'badge',
      'locations',
      'office',
    ]);
    expect((one.body.attributes as Record<string, unknown>[])[1]).toMatchObject({
      canonicalValues: ['basic', 'pro', 'enterprise'],
    });
    // The other integration accepts nothing custom.
    expect((await roster.request(other, 'GET', `/Schemas/${ACME}`)).status).toBe(404);
    const plain = await roster.request(other, 'GET', '/ResourceTypes/User');
    expect(plain.body.schemaExtensions).toHaveLength(1);
  });

  it('writes, reads, filters, sorts and projects extension attributes', async () => {
    const created = await roster.request(
      idp,
      'POST',
      '/Users',
      user('ada', {
        costCenter: '4711',
        licenseTier: 'pro',
        seats: '3',
        badge: 'B-1',
        locations: ['Berlin', 'Paris'],
        office: { building: 'North', floor: 2 },
      }),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.schemas).toEqual([USER, ACME]);
    expect(created.body[ACME]).toEqual({
      costCenter: '4711',
      licenseTier: 'pro',
      seats: 3,
      badge: 'B-1',
      locations: ['Berlin', 'Paris'],
      office: { building: 'North', floor: 2 },
    });
    // Entra's qualified key form (urn:…:User:attribute at the top level) writes the same place.
    const grace = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER, ACME],
      userName: 'grace',
      [`${ACME}:costCenter`]: '1000',
      [`${ACME}:seats`]: 10,
    });
    expect(grace.status, grace.text).toBe(201);
    expect(grace.body[ACME]).toEqual({ costCenter: '1000', seats: 10 });

    // Types are checked like core ones.
    const wrongType = await roster.request(idp, 'POST', '/Users', user('bad1', { seats: 'many' }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.scimType).toBe('invalidValue');
    // Uniqueness "server": per integration.
    const taken = await roster.request(idp, 'POST', '/Users', user('bad2', { badge: 'b-1' }));
    expect(taken.status).toBe(409);
    expect(taken.body.scimType).toBe('uniqueness');

    const filtered = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent(`${ACME}:costCenter eq "4711"`)}`,
    );
    expect((filtered.body.Resources as { userName: string }[]).map((r) => r.userName)).toEqual(['ada']);
    const sub = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent(`${ACME}:office.building eq "north"`)}`,
    );
    expect(sub.body.totalResults).toBe(1);
    const sorted = await roster.request(
      idp,
      'GET',
      `/Users?sortBy=${encodeURIComponent(`${ACME}:seats`)}&sortOrder=descending`,
    );
    expect((sorted.body.Resources as { userName: string }[]).map((r) => r.userName)).toEqual([
      'grace',
      'ada',
    ]);
    // Numbers compare as numbers on both engines ("10" > "9" would be text order).
    const more = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent(`${ACME}:seats gt 4`)}`,
    );
    expect((more.body.Resources as { userName: string }[]).map((r) => r.userName)).toEqual(['grace']);
    const projected = await roster.request(
      idp,
      'GET',
      `/Users/${created.body.id as string}?attributes=${encodeURIComponent(`${ACME}:costCenter`)}`,
    );
    expect(projected.body[ACME]).toEqual({ costCenter: '4711' });
    expect(projected.body.userName).toBeUndefined();
    const excluded = await roster.request(
      idp,
      'GET',
      `/Users/${created.body.id as string}?excludedAttributes=${encodeURIComponent(`${ACME}:office,${ACME}:locations`)}`,
    );
    expect(Object.keys(excluded.body[ACME] as object).sort()).toEqual([
      'badge',
      'costCenter',
      'licenseTier',
      'seats',
    ]);
    expect(excluded.body.userName).toBe('ada');
  });

  it('gives a uniqueness "server" value to exactly one of several concurrent writers', async () => {
    // No constraint holds custom attributes: concurrent creates of one badge (in any case) take turns.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        roster.request(
          idp,
          'POST',
          '/Users',
          user(`racer${n}`, { badge: n % 2 === 0 ? 'RACE-1' : 'race-1' }),
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.scimType).toBe('uniqueness');
  });

  it("PATCHes extension attributes with the URN path and Entra's forms (an Entra replay)", async () => {
    const created = await roster.request(idp, 'POST', '/Users', user('entra-user', { costCenter: '1' }));
    const id = created.body.id as string;
    // What Entra sends for a custom extension attribute mapping (Entra's "Customizing user provisioning
    // attribute mappings": urn:ietf:params:scim:schemas:extension:<Name>:2.0:User:<attribute> as the path).
    const patched = await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Replace', path: `${ACME}:costCenter`, value: '4711' },
        { op: 'Add', path: `${ACME}:licenseTier`, value: 'basic' },
        { op: 'add', path: `${ACME}:office.floor`, value: '7' },
        { op: 'add', value: { [`${ACME}:seats`]: 5 } },
        { op: 'add', path: `${ACME}:locations`, value: ['Oslo'] },
      ],
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body[ACME]).toEqual({
      costCenter: '4711',
      licenseTier: 'basic',
      office: { floor: 7 },
      seats: 5,
      locations: ['Oslo'],
    });
    const removed = await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'remove', path: `${ACME}:licenseTier` }],
    });
    expect(removed.body[ACME]).not.toHaveProperty('licenseTier');
    const wrong = await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: `${ACME}:seats`, value: 'lots' }],
    });
    expect(wrong.status).toBe(400);
  });

  it('an integration that does not accept the extension ignores its attributes (lenient) or refuses them (strict)', async () => {
    const lenient = await roster.request(other, 'POST', '/Users', user('lenient-user', { costCenter: '1' }));
    expect(lenient.status, lenient.text).toBe(201);
    expect(lenient.body[ACME]).toBeUndefined();
    expect(lenient.body.schemas).toEqual([USER]);
    await admin.patch(`${base}/integrations/${other.id}/settings`, { compatibility: 'strict' });
    const strict = await roster.request(other, 'POST', '/Users', user('strict-user', { costCenter: '1' }));
    expect(strict.status).toBe(400);
    expect(strict.body.scimType).toBe('invalidSyntax');
    expect(strict.body.detail).toContain(ACME);
    await admin.patch(`${base}/integrations/${other.id}/settings`, { compatibility: 'lenient' });
  });

  it('refuses a narrowing change that would break stored data, with the list; a widening one is a new version', async () => {
    const narrowed = {
      ...acmeDefinition,
      attributes: acmeDefinition.attributes
        .filter((a) => a.name !== 'locations')
        .map((a) =>
          a.name === 'licenseTier'
            ? { ...a, canonicalValues: ['enterprise'] }
            : a.name === 'costCenter'
              ? { ...a, type: 'integer' }
              : a,
        ),
    };
    const refused = await admin.put(`${base}/schema-extensions/${encodeURIComponent(ACME)}`, narrowed);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    const details = refused.body.error.details as { field: string; message: string }[];
    const fields = new Set(details.map((d) => d.field));
    expect(fields).toEqual(new Set([`${ACME}:costCenter`, `${ACME}:licenseTier`, `${ACME}:locations`]));
    expect(refused.body.error.message).toMatch(/would break \d+ stored value/);
    expect(details.some((d) => /changes from string to integer/.test(d.message))).toBe(true);

    const widened = {
      ...acmeDefinition,
      attributes: [...acmeDefinition.attributes, { name: 'nickname2', type: 'string' }],
    };
    const saved = await admin.put(`${base}/schema-extensions/${encodeURIComponent(ACME)}`, widened);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);
    // Every integration sees the new version at once (the schema generation moved on).
    const schema = await roster.request(idp, 'GET', `/Schemas/${ACME}`);
    expect((schema.body.attributes as { name: string }[]).map((a) => a.name)).toContain('nickname2');
    // In use: cannot be deleted.
    expect((await admin.delete(`${base}/schema-extensions/${encodeURIComponent(ACME)}`)).status).toBe(409);
  });

  it('maps extension attributes to identity attributes, a profile field and the sign-in external ID, with preview and remap', async () => {
    const change = {
      attributeMappings: [{ path: `${ACME}:costCenter`, template: 'costCenter:{value}' }],
      signInExternalId: `${ACME}:badge`,
      profileMappings: { department: `${ACME}:office.building` },
    };
    const preview = await admin.post(`${base}/integrations/${idp.id}/remap-previews`, { settings: change });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.preview.changed).toBeGreaterThan(0);
    const applied = await admin.patch(`${base}/integrations/${idp.id}/settings`, change);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test', batchSize: 10 });
    const identities = (await admin.get(`${base}/identities?integrationId=${idp.id}&limit=100`)).body
      .data as { id: string; name: string }[];
    const ada = identities.find((i) => i.name === 'ada');
    const detail = await admin.get(`${base}/identities/${ada?.id as string}`);
    expect(detail.body.attributes).toContain('costCenter:4711');
    expect(detail.body.signInExternalId).toBe('B-1');
    expect(detail.body.profile.department).toBe('North');
    // A path under an extension the integration does not accept is refused.
    const refused = await admin.patch(`${base}/integrations/${other.id}/settings`, {
      attributeMappings: [`${ACME}:costCenter`],
    });
    expect(refused.status).toBe(400);
  });

  it('replays Entra ID provisioning a custom extension attribute (POST, then PATCH Add/Replace with its path form)', async () => {
    // Entra's "Provisioning a custom extension attribute to a SCIM compliant application": the admin adds
    // urn:ietf:params:scim:schemas:extension:<Name>:2.0:User:<attribute> to the target attribute list;
    // custom attributes are single-valued simple ones (no complex, multi-valued or reference ones for
    // non-gallery apps). Entra capitalises ops and may send booleans as "True"/"False".
    const CONTOSO = 'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User';
    const defined = await admin.post(`${base}/schema-extensions`, {
      urn: CONTOSO,
      name: 'ContosoUser',
      attributes: [
        { name: 'region', type: 'string', canonicalValues: ['EMEA', 'AMER', 'APAC'] },
        { name: 'isContractor', type: 'boolean' },
      ],
    });
    expect(defined.status).toBe(201);
    const entra = await roster.createIntegration('entra-custom');
    const accepted = await admin.patch(`${base}/integrations/${entra.id}/settings`, {
      schemaExtensions: [CONTOSO],
    });
    expect(accepted.status).toBe(200);
    const discovered = await roster.request(entra, 'GET', '/Schemas');
    expect((discovered.body.Resources as { id: string }[]).map((r) => r.id)).toContain(CONTOSO);

    const created = await roster.request(entra, 'POST', '/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', CONTOSO],
      externalId: 'e-1',
      userName: 'adele@contoso.example',
      active: true,
      displayName: 'Adele',
      [CONTOSO]: { region: 'EMEA', isContractor: 'False' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body[CONTOSO]).toEqual({ region: 'EMEA', isContractor: false });
    const id = created.body.id as string;
    const patched = await roster.request(entra, 'PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Replace', path: `${CONTOSO}:region`, value: 'APAC' },
        { op: 'Add', path: `${CONTOSO}:isContractor`, value: 'True' },
      ],
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body[CONTOSO]).toEqual({ region: 'APAC', isContractor: true });
    // Entra finds users with eq filters; the custom attribute filters the same way.
    const found = await roster.request(
      entra,
      'GET',
      `/Users?filter=${encodeURIComponent(`${CONTOSO}:isContractor eq true and ${CONTOSO}:region eq "apac"`)}`,
    );
    expect(found.body.totalResults).toBe(1);
  });
});
