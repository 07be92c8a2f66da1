import { describe, expect, it } from 'vitest';
import { attribute, complex } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { MutabilityError } from '../errors.js';
import { checkImmutable } from './check-immutable.js';

const badgeType: ResourceTypeDefinition = {
  name: 'User',
  endpoint: '/Badges',
  description: 'a resource type with immutable attributes, for this test',
  schema: {
    id: 'urn:test:Badge',
    name: 'Badge',
    description: '',
    attributes: [
      attribute('serial', 'string', { mutability: 'immutable' }),
      attribute('label', 'string'),
      complex('issuer', [
        attribute('code', 'string', { mutability: 'immutable' }),
        attribute('name', 'string'),
      ]),
    ],
  },
  extensions: [],
};

describe('checkImmutable', () => {
  it('allows setting an immutable attribute that had no value', () => {
    expect(() => checkImmutable(badgeType, {}, { serial: 'A1' })).not.toThrow();
  });
  it('allows repeating the same immutable value', () => {
    expect(() => checkImmutable(badgeType, { serial: 'A1' }, { serial: 'A1', label: 'new' })).not.toThrow();
  });
  it('allows leaving an immutable attribute out', () => {
    expect(() => checkImmutable(badgeType, { serial: 'A1' }, { label: 'x' })).not.toThrow();
  });
  it('refuses to change an immutable attribute with a mutability error', () => {
    expect(() => checkImmutable(badgeType, { serial: 'A1' }, { serial: 'B2' })).toThrow(MutabilityError);
    try {
      checkImmutable(badgeType, { serial: 'A1' }, { serial: 'B2' });
    } catch (error) {
      expect(error).toMatchObject({ status: 400, scimType: 'mutability' });
      expect((error as Error).message).toContain('"serial"');
    }
  });
  it('refuses to change an immutable sub-attribute of a complex attribute', () => {
    expect(() =>
      checkImmutable(badgeType, { issuer: { code: 'X', name: 'a' } }, { issuer: { code: 'Y', name: 'a' } }),
    ).toThrow(/issuer\.code/);
    expect(() =>
      checkImmutable(badgeType, { issuer: { code: 'X', name: 'a' } }, { issuer: { code: 'X', name: 'b' } }),
    ).not.toThrow();
  });
});
