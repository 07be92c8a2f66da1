import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { attribute, complex, type SchemaDefinition } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { applyPatch } from './apply-patch.js';
import { deepFreeze } from './deep-freeze.support.js';
import { parsePatchRequest } from './parse-patch-request.js';
import { patchBody } from './patch.fixtures.js';

// The built-in schemas have no immutable attribute outside group members, so a small made-up one
// exercises RFC 7643 §2.2 "immutable": may be set when unassigned, never changed or removed.
const badgeSchema: SchemaDefinition = {
  id: 'urn:example:params:scim:schemas:core:2.0:Badge',
  name: 'Badge',
  description: 'A test schema with immutable attributes',
  attributes: [
    attribute('label', 'string', { required: true }),
    attribute('serial', 'string', { mutability: 'immutable' }),
    complex('chip', [attribute('uid', 'string', { mutability: 'immutable' }), attribute('model', 'string')]),
    complex(
      'doors',
      [attribute('value', 'string'), attribute('key', 'string', { mutability: 'immutable' })],
      {
        multiValued: true,
      },
    ),
  ],
};
const badgeType: ResourceTypeDefinition = {
  name: 'User',
  endpoint: '/Badges',
  description: 'Badge',
  schema: badgeSchema,
  extensions: [],
};

const issued = deepFreeze({
  label: 'B-1',
  serial: 'S-1',
  chip: { uid: 'C-1', model: 'M1' },
  doors: [{ value: 'front', key: 'K-1' }, { value: 'back' }],
});
const blank = deepFreeze({ label: 'B-2' });

function patch(before: Record<string, unknown>, operations: unknown[]) {
  return applyPatch(badgeType, before, parsePatchRequest(badgeType, patchBody(operations))).resource;
}

function scimTypeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error.scimType;
    throw error;
  }
  return undefined;
}

describe('immutable attributes (RFC 7643 §2.2)', () => {
  it.each([
    [
      'add when unassigned',
      blank,
      [{ op: 'add', path: 'serial', value: 'S-2' }],
      { label: 'B-2', serial: 'S-2' },
    ],
    ['replace with the same value', issued, [{ op: 'replace', path: 'serial', value: 'S-1' }], issued],
    [
      'set a sub-attribute when unassigned',
      blank,
      [{ op: 'add', path: 'chip.uid', value: 'C-2' }],
      { label: 'B-2', chip: { uid: 'C-2' } },
    ],
    [
      'merge other sub-attributes around it',
      issued,
      [{ op: 'replace', path: 'chip', value: { model: 'M2' } }],
      { ...issued, chip: { uid: 'C-1', model: 'M2' } },
    ],
    [
      'remove a whole element that has one',
      issued,
      [{ op: 'remove', path: 'doors[value eq "front"]' }],
      { ...issued, doors: [{ value: 'back' }] },
    ],
    [
      'merge into an element around it',
      issued,
      [{ op: 'add', path: 'doors[value eq "front"]', value: { value: 'front' } }],
      issued,
    ],
    [
      'give an element its immutable sub-attribute once',
      issued,
      [{ op: 'add', path: 'doors[value eq "back"].key', value: 'K-2' }],
      {
        ...issued,
        doors: [
          { value: 'front', key: 'K-1' },
          { value: 'back', key: 'K-2' },
        ],
      },
    ],
  ])('allows: %s', (_name, before, operations, after) => {
    expect(patch(before, operations)).toEqual(after);
  });

  it.each([
    ['replace with another value', [{ op: 'replace', path: 'serial', value: 'S-9' }]],
    ['add over a value', [{ op: 'add', path: 'serial', value: 'S-9' }]],
    ['remove', [{ op: 'remove', path: 'serial' }]],
    ['path-less replace', [{ op: 'replace', value: { serial: 'S-9' } }]],
    ['change of a sub-attribute', [{ op: 'replace', path: 'chip.uid', value: 'C-9' }]],
    ['removal of the complex attribute holding one', [{ op: 'remove', path: 'chip' }]],
    [
      'change of an element sub-attribute',
      [{ op: 'replace', path: 'doors[value eq "front"].key', value: 'K-9' }],
    ],
    ['removal of an element sub-attribute', [{ op: 'remove', path: 'doors[value eq "front"].key' }]],
    [
      'replacement of an element with another key',
      [{ op: 'replace', path: 'doors[value eq "front"]', value: { value: 'front', key: 'K-9' } }],
    ],
    [
      'replacement of an element without its key',
      [{ op: 'replace', path: 'doors[value eq "front"]', value: { value: 'side' } }],
    ],
  ])('refuses: %s', (_name, operations) => {
    expect(scimTypeOf(() => patch(issued, operations))).toBe('mutability');
  });
});
