import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProjection } from '../../core/resource/projection.js';
import { userAttributes } from '../../core/resource/user-attributes.arbitrary.js';
import { userResourceType } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';
import { resourceRepresentation, resourceRepresentationText } from './resource-representation.js';

const BASE = 'https://roster.example/scim/v2/int-1';
const type = userResourceType;

const storedUser = (attributes: StoredResource['attributes']): StoredResource => ({
  id: 'a1b2',
  resourceType: 'User',
  attributes,
  version: 3,
  created: '2026-12-01T10:00:00.000Z',
  lastModified: '2026-12-02T10:00:00.000Z',
});
const groups = fc.array(fc.record({ id: fc.uuid(), displayName: fc.string() }), { maxLength: 3 });
const projections = [
  parseProjection(type, undefined, undefined),
  parseProjection(type, 'userName,emails.value', undefined),
  parseProjection(type, undefined, 'groups,emails'),
];

describe('a resource representation as text', () => {
  it('is the representation, top-level members in order, whether the stored text is spliced or not', () => {
    fc.assert(
      fc.property(
        userAttributes,
        groups,
        fc.constantFrom(...projections),
        (attributes, groups, projection) => {
          const stored = storedUser(attributes);
          const expected = resourceRepresentation(BASE, type, stored, { groups }, projection);
          const text = JSON.stringify(attributes);
          for (const given of [text, ` ${text}\n`, undefined]) {
            const answered = JSON.parse(
              resourceRepresentationText(BASE, type, stored, given, { groups }, projection),
            ) as Record<string, unknown>;
            expect(answered).toStrictEqual(JSON.parse(JSON.stringify(expected)));
            expect(Object.keys(answered)).toEqual(Object.keys(expected));
          }
        },
      ),
      { seed: 15, numRuns: 2000 },
    );
  });

  it('splices the stored text as it is when the projection keeps every attribute', () => {
    // Text spaced differently from JSON.stringify's shows which way the representation was built.
    const attributes = { userName: 'ada', active: true };
    const stored = storedUser(attributes);
    const text = resourceRepresentationText(BASE, type, stored, '{ "userName": "ada", "active": true }', {});
    expect(text).toContain('"id":"a1b2","userName": "ada", "active": true,"meta"');
    expect(JSON.parse(text)).toEqual(resourceRepresentation(BASE, type, stored, {}));
    // No attributes at all: nothing is spliced, and the commas still fall right.
    expect(JSON.parse(resourceRepresentationText(BASE, type, storedUser({}), '{}', {}))).toEqual(
      resourceRepresentation(BASE, type, storedUser({}), {}),
    );
  });
});
