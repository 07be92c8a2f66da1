import { describe, expect, it } from 'vitest';
import { groupResourceType, userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA } from '../schema/schema-urns.js';
import { coerceResource } from './coerce-resource.js';

describe('coerceResource', () => {
  const cases: { name: string; input: unknown; expected: unknown; group?: boolean }[] = [
    {
      name: 'matches attribute names case-insensitively and returns canonical names',
      input: { USERNAME: 'a', DisplayName: 'A', NAME: { GIVENNAME: 'Ada' } },
      expected: { userName: 'a', displayName: 'A', name: { givenName: 'Ada' } },
    },
    {
      name: 'drops unknown attributes and sub-attributes',
      input: { userName: 'a', shoeSize: 42, name: { petName: 'x', familyName: 'L' } },
      expected: { userName: 'a', name: { familyName: 'L' } },
    },
    {
      name: 'drops readOnly and writeOnly attributes',
      input: { userName: 'a', id: 'x', meta: {}, groups: [{ value: 'g' }], password: 'p' },
      expected: { userName: 'a' },
    },
    {
      name: 'accepts Entra string booleans',
      input: { userName: 'a', active: 'True', emails: [{ value: 'e', primary: 'false' }] },
      expected: { userName: 'a', active: true, emails: [{ value: 'e', primary: false }] },
    },
    {
      name: 'nests extension attributes under their URN, from either spelling',
      input: {
        userName: 'a',
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: 7, Department: 'R&D' },
        [`${ENTERPRISE_USER_SCHEMA}:costCenter`]: 'CC1',
      },
      expected: {
        userName: 'a',
        [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '7', department: 'R&D', costCenter: 'CC1' },
      },
    },
    {
      name: 'treats null as unassigned',
      input: { userName: 'a', displayName: null, emails: null },
      expected: { userName: 'a' },
    },
    {
      name: 'wraps a lone object given for a multi-valued attribute and drops exact duplicates',
      input: { userName: 'a', emails: { value: 'x@y' }, phoneNumbers: [{ value: '1' }, { value: '1' }] },
      expected: { userName: 'a', emails: [{ value: 'x@y' }], phoneNumbers: [{ value: '1' }] },
    },
    {
      name: 'keeps at most one primary value',
      input: {
        userName: 'a',
        emails: [
          { value: '1', primary: true },
          { value: '2', primary: true },
        ],
      },
      expected: {
        userName: 'a',
        emails: [
          { value: '1', primary: true },
          { value: '2', primary: false },
        ],
      },
    },
    {
      name: 'accepts members as bare ids',
      input: { displayName: 'g', members: ['u1', { value: 'u2' }] },
      group: true,
      expected: { displayName: 'g', members: [{ value: 'u1' }, { value: 'u2' }] },
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const type = testCase.group ? groupResourceType : userResourceType;
      expect(coerceResource(type, testCase.input)).toEqual(testCase.expected);
    });
  }

  const failures: { name: string; input: unknown; scimType: string }[] = [
    { name: 'a non-object body', input: 'x', scimType: 'invalidSyntax' },
    { name: 'a missing required attribute', input: { displayName: 'x' }, scimType: 'invalidValue' },
    {
      name: 'a number where a boolean belongs',
      input: { userName: 'a', active: 1 },
      scimType: 'invalidValue',
    },
    {
      name: 'an object where a string belongs',
      input: { userName: 'a', title: {} },
      scimType: 'invalidValue',
    },
    {
      name: 'a malformed extension block',
      input: { userName: 'a', [ENTERPRISE_USER_SCHEMA]: 'x' },
      scimType: 'invalidValue',
    },
  ];
  for (const failure of failures) {
    it(`rejects ${failure.name}`, () => {
      expect(() => coerceResource(userResourceType, failure.input)).toThrow(
        expect.objectContaining({ scimType: failure.scimType }),
      );
    });
  }
});
