import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA as ENTERPRISE } from '../schema/schema-urns.js';
import { userAttributes } from './user-attributes.arbitrary.js';
import type { JsonObject } from './json.js';
import { keptWholeByDefault, projectResource } from './project-resource.js';

const type = userResourceType;

describe('keptWholeByDefault', () => {
  it('says yes only when the default projection gives back the same attributes, top level in order', () => {
    fc.assert(
      fc.property(userAttributes, (given) => {
        if (!keptWholeByDefault(type, given)) return;
        const projected = projectResource(type, given);
        expect(projected).toStrictEqual(given);
        expect(Object.keys(projected)).toEqual(Object.keys(given));
      }),
      { seed: 15, numRuns: 3000 },
    );
  });

  it('says yes for what IdPs send, so list pages take the short way', () => {
    expect(
      keptWholeByDefault(type, {
        userName: 'ada@example.com',
        name: { givenName: 'Ada', familyName: 'Lovelace' },
        emails: [{ value: 'ada@example.com', type: 'work', primary: true }],
        active: true,
        externalId: '00u1',
        [ENTERPRISE]: { employeeNumber: '7', department: 'R&D' },
      }),
    ).toBe(true);
  });

  it('says no when projection would drop something', () => {
    const says = (attributes: JsonObject) => keptWholeByDefault(type, attributes);
    expect(says({ userName: 'a', password: 'secret' })).toBe(false); // returned "never"
    expect(says({ userName: 'a', notAnAttribute: 1 })).toBe(false); // not in the schema
    expect(says({ userName: 'a', [ENTERPRISE]: {} })).toBe(false); // an empty extension is dropped
    expect(says({ userName: 'a', [ENTERPRISE]: 'x' })).toBe(false); // not an object
    expect(says({ userName: 'a', [ENTERPRISE]: { department: 'R&D', notAnAttribute: '7' } })).toBe(false);
    // jsonb's order (shorter names first) rather than the schema's: the same members, kept.
    expect(says({ userName: 'a', [ENTERPRISE]: { department: 'R&D', employeeNumber: '7' } })).toBe(true);
    expect(says({ userName: 'a', schemas: [] })).toBe(false);
  });
});
