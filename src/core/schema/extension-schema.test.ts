import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { applyPatch } from '../patch/apply-patch.js';
import { parsePatchRequest } from '../patch/parse-patch-request.js';
import { coerceResource } from '../resource/coerce-resource.js';
import { narrowingChecks } from './extension-narrowing.js';
import { extensionSchemaJson, parseExtensionSchema } from './extension-schema.js';
import { userResourceType, withExtensions } from './resource-types.js';
import { PATCH_OP_SCHEMA } from './schema-urns.js';

const URN = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
const simpleTypes = ['string', 'boolean', 'integer', 'decimal', 'dateTime'] as const;
const attributeName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/);

const arbitraryAttribute = fc.record(
  {
    name: attributeName,
    type: fc.constantFrom(...simpleTypes),
    multiValued: fc.boolean(),
    required: fc.boolean(),
    caseExact: fc.boolean(),
    mutability: fc.constantFrom('readWrite', 'immutable', 'readOnly', 'writeOnly'),
    returned: fc.constantFrom('always', 'default', 'request', 'never'),
  },
  { requiredKeys: ['name', 'type'] },
);

const arbitraryDefinition = fc.record({
  urn: fc.constant(URN),
  name: fc.constant('Acme'),
  attributes: fc.uniqueArray(arbitraryAttribute, {
    minLength: 1,
    maxLength: 8,
    selector: (a) => a.name.toLowerCase(),
  }),
});

describe('parseExtensionSchema', () => {
  it('accepts every well-formed definition and reads back what it was given (a fixed point)', () => {
    fc.assert(
      fc.property(arbitraryDefinition, (definition) => {
        const parsed = parseExtensionSchema(definition);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const again = parseExtensionSchema(extensionSchemaJson(parsed.value));
        expect(again).toEqual(parsed);
        // Narrowing a definition against itself needs no check.
        expect(narrowingChecks(parsed.value.schema, parsed.value.schema)).toEqual([]);
      }),
    );
  });

  it('refuses a definition with two names equal in any case, whatever else it has', () => {
    fc.assert(
      fc.property(arbitraryDefinition, fc.nat(), (definition, pick) => {
        const first = definition.attributes[pick % definition.attributes.length];
        if (!first) return;
        const twin = {
          ...first,
          name: first.name.toUpperCase() === first.name ? first.name.toLowerCase() : first.name.toUpperCase(),
        };
        if (twin.name === first.name) return;
        const parsed = parseExtensionSchema({ ...definition, attributes: [...definition.attributes, twin] });
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error.some((p) => /defined twice/.test(p.message))).toBe(true);
      }),
    );
  });

  it('refuses reserved URNs, non-URNs, binary, complex inside complex, and sub-attributes on simple types', () => {
    const problems = (input: unknown) => {
      const parsed = parseExtensionSchema(input);
      return parsed.ok ? [] : parsed.error.map((p) => `${p.field}: ${p.message}`);
    };
    const base = { urn: URN, name: 'Acme', attributes: [{ name: 'a', type: 'string' }] };
    expect(problems({ ...base, urn: 'urn:ietf:params:scim:schemas:core:2.0:User' })[0]).toMatch(/reserved/);
    expect(
      problems({ ...base, urn: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' })[0],
    ).toMatch(/reserved/);
    expect(problems({ ...base, urn: 'acme' })[0]).toMatch(/^urn: urn must be a schema URN/);
    expect(problems({ ...base, attributes: [{ name: 'b', type: 'binary' }] })[0]).toMatch(/binary/);
    expect(
      problems({
        ...base,
        attributes: [
          { name: 'c', type: 'complex', subAttributes: [{ name: 'd', type: 'complex', subAttributes: [] }] },
        ],
      }).join('\n'),
    ).toMatch(/cannot be complex/);
    expect(problems({ ...base, attributes: [{ name: 'e', type: 'string', subAttributes: [] }] })[0]).toMatch(
      /only a complex attribute/,
    );
    expect(problems({ ...base, attributes: [{ name: 'r', type: 'reference' }] })[0]).toMatch(
      /referenceTypes/,
    );
    expect(
      problems({ ...base, attributes: [{ name: 'u', type: 'string', uniqueness: 'global' }] })[0],
    ).toMatch(/global/);
  });
});

describe('narrowingChecks', () => {
  const schema = (attributes: unknown[]) => {
    const parsed = parseExtensionSchema({ urn: URN, name: 'Acme', attributes });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    return parsed.value.schema;
  };
  it('checks removed, retyped, newly required, narrowed canonical values and new uniqueness; not widening', () => {
    const before = schema([
      { name: 'gone', type: 'string' },
      { name: 'retyped', type: 'string' },
      { name: 'needed', type: 'string' },
      { name: 'tier', type: 'string', canonicalValues: ['a', 'b'] },
      { name: 'badge', type: 'string' },
      { name: 'free', type: 'string', canonicalValues: ['a'] },
    ]);
    const after = schema([
      { name: 'retyped', type: 'integer' },
      { name: 'needed', type: 'string', required: true },
      { name: 'tier', type: 'string', canonicalValues: ['a'] },
      { name: 'badge', type: 'string', uniqueness: 'server' },
      { name: 'free', type: 'string', canonicalValues: ['a', 'b'] },
      { name: 'added', type: 'string' },
    ]);
    expect(narrowingChecks(before, after).map((c) => [c.kind, c.path.join(':')])).toEqual([
      ['present', `${URN}:gone`],
      ['present', `${URN}:retyped`],
      ['missing', `${URN}:needed`],
      ['notIn', `${URN}:tier`],
      ['duplicate', `${URN}:badge`],
    ]);
  });
});

describe('PATCH on custom extension attributes (property)', () => {
  const type = withExtensions(
    userResourceType,
    (() => {
      const parsed = parseExtensionSchema({
        urn: URN,
        name: 'Acme',
        attributes: [
          { name: 'costCenter', type: 'string' },
          { name: 'seats', type: 'integer' },
        ],
      });
      if (!parsed.ok) throw new Error('definition');
      return [parsed.value.schema];
    })(),
  );
  const base = coerceResource(type, { userName: 'ada' });
  const pathForms = fc.constantFrom(
    (attribute: string) => ({ path: `${URN}:${attribute}` }),
    (attribute: string) => ({ path: `${URN.toUpperCase()}:${attribute.toLowerCase()}` }),
  );
  it('replace then read gives the value, in any URN or name case and in the pathless Entra form', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        fc.integer({ min: -1000, max: 1000 }),
        pathForms,
        fc.boolean(),
        (costCenter, seats, form, pathless) => {
          const operations = pathless
            ? [{ op: 'replace', value: { [`${URN}:costCenter`]: costCenter, [`${URN}:seats`]: seats } }]
            : [
                { op: 'Replace', ...form('costCenter'), value: costCenter },
                { op: 'Add', ...form('seats'), value: seats },
              ];
          let patched;
          try {
            patched = applyPatch(
              type,
              base,
              parsePatchRequest(type, { schemas: [PATCH_OP_SCHEMA], Operations: operations }),
            ).resource;
          } catch (error) {
            if (error instanceof ScimError) throw new Error(`refused: ${error.message}`, { cause: error });
            throw error;
          }
          expect(patched[URN]).toEqual({ costCenter, seats });
          // Removing both leaves no extension object behind.
          const removed = applyPatch(
            type,
            patched,
            parsePatchRequest(type, {
              schemas: [PATCH_OP_SCHEMA],
              Operations: [
                { op: 'remove', path: `${URN}:costCenter` },
                { op: 'remove', path: `${URN}:seats` },
              ],
            }),
          ).resource;
          expect(removed[URN] === undefined || Object.keys(removed[URN] as object).length === 0).toBe(true);
        },
      ),
    );
  });
});
