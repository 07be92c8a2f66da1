import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaConformanceProblems } from '../src/core/resource/schema-conformance.js';
import { discoverySchemas } from '../src/core/schema/discovery-schemas.js';
import type { SchemaDefinition } from '../src/core/schema/attribute-definition.js';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const SPC = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

describe.each(testEngines)('discovery documents on $name', (engine) => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  const served = new Map<string, SchemaDefinition>();

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    idp = await roster.createIntegration();
    // Validate against the schemas the server itself publishes, checked to match our definitions.
    for (const urn of [SPC, RESOURCE_TYPE, SCHEMA]) {
      const response = await roster.request(idp, 'GET', `/Schemas/${urn}`);
      expect(response.status).toBe(200);
      const definition = discoverySchemas.find((s) => s.id === urn);
      expect(definition).toBeDefined();
      expect((response.body.attributes as unknown[]).length).toBe(definition?.attributes.length);
      served.set(urn, definition as SchemaDefinition);
    }
  });
  afterAll(() => roster.close());

  it('/ServiceProviderConfig validates against its own schema and tells the truth', async () => {
    const response = await roster.request(idp, 'GET', '/ServiceProviderConfig');
    expect(response.status).toBe(200);
    expect(schemaConformanceProblems(served.get(SPC) as SchemaDefinition, response.body)).toEqual([]);
    expect(response.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 50, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 1000 },
      sort: { supported: true },
      etag: { supported: true },
      pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', cursorTimeout: 3600 },
    });
  });

  it('/ResourceTypes lists User and Group, each valid against the ResourceType schema', async () => {
    const response = await roster.request(idp, 'GET', '/ResourceTypes');
    const resources = response.body.Resources as Record<string, unknown>[];
    expect(resources.map((r) => r.id)).toEqual(['User', 'Group']);
    for (const resource of resources) {
      expect(schemaConformanceProblems(served.get(RESOURCE_TYPE) as SchemaDefinition, resource)).toEqual([]);
    }
    const user = await roster.request(idp, 'GET', '/ResourceTypes/User');
    expect(user.body).toMatchObject({
      endpoint: '/Users',
      schemaExtensions: [
        { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
      ],
    });
    expect((await roster.request(idp, 'GET', '/ResourceTypes/Widget')).status).toBe(404);
  });

  it('/Schemas lists User, Group and EnterpriseUser, each valid against the Schema schema', async () => {
    const response = await roster.request(idp, 'GET', '/Schemas');
    const resources = response.body.Resources as Record<string, unknown>[];
    expect(resources.map((r) => r.id)).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    for (const resource of resources) {
      expect(schemaConformanceProblems(served.get(SCHEMA) as SchemaDefinition, resource)).toEqual([]);
    }
    // The Schema schema's description of itself needs one level more nesting than any schema can
    // declare (RFC 7643 §8.7.2 has the same regress), so it is checked by the size test above instead.
    for (const urn of [SPC, RESOURCE_TYPE]) {
      const document = await roster.request(idp, 'GET', `/Schemas/${urn}`);
      expect(schemaConformanceProblems(served.get(SCHEMA) as SchemaDefinition, document.body)).toEqual([]);
    }
  });

  it('describes every attribute characteristic of the User schema', async () => {
    const response = await roster.request(idp, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
    const attributes = response.body.attributes as Record<string, unknown>[];
    const userName = attributes.find((a) => a.name === 'userName');
    expect(userName).toMatchObject({
      type: 'string',
      required: true,
      uniqueness: 'server',
      caseExact: false,
    });
    const emails = attributes.find((a) => a.name === 'emails') as {
      subAttributes: Record<string, unknown>[];
    };
    expect(emails).toMatchObject({ multiValued: true, type: 'complex' });
    expect(emails.subAttributes.find((s) => s.name === 'type')).toMatchObject({
      canonicalValues: ['work', 'home', 'other'],
    });
    expect(attributes.find((a) => a.name === 'password')).toMatchObject({
      mutability: 'writeOnly',
      returned: 'never',
    });
    expect(attributes.find((a) => a.name === 'id')).toMatchObject({
      mutability: 'readOnly',
      returned: 'always',
    });
  });

  it('the conformance check itself catches a broken document', () => {
    const problems = schemaConformanceProblems(served.get(SPC) as SchemaDefinition, {
      schemas: [SPC],
      patch: { supported: 'yes' },
      extra: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'extra is not in the schema',
        'patch.supported must be a boolean',
        'bulk is required',
      ]),
    );
  });
});
