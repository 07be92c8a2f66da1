import { describe, expect, it } from 'vitest';
import { findSubAttribute } from '../schema/attribute-definition.js';
import { findAttribute, findExtension, resourceTypeNamed } from '../schema/resource-types.js';
import { fixtures } from './filter.fixtures.js';

describe('filter fixtures', () => {
  it.each(['User', 'Group'] as const)(
    '%s fixtures use only canonical attribute names from the schema',
    (type) => {
      const resourceType = resourceTypeNamed(type);
      const ids = new Set<unknown>();
      for (const resource of fixtures[type]) {
        ids.add(resource.id);
        for (const [key, value] of Object.entries(resource)) {
          if (key === 'schemas') continue;
          const extension = findExtension(resourceType, key);
          const entries = extension
            ? Object.entries(value as Record<string, unknown>)
            : [[key, value] as const];
          for (const [name, attributeValue] of entries) {
            const located = findAttribute(resourceType, name, extension?.id);
            expect(located?.definition.name, `${String(resource.id)}: ${name}`).toBe(name);
            const items = Array.isArray(attributeValue) ? attributeValue : [attributeValue];
            if (located?.definition.type !== 'complex') continue;
            for (const item of items as Record<string, unknown>[]) {
              for (const sub of Object.keys(item)) {
                expect(
                  findSubAttribute(located.definition, sub)?.name,
                  `${String(resource.id)}: ${name}.${sub}`,
                ).toBe(sub);
              }
            }
          }
        }
      }
      expect(ids.size).toBe(fixtures[type].length);
    },
  );
});
