import { describe, expect, it } from 'vitest';
import { compileFilter } from '../protocol/list-request.js';
import {
  groupResourceType,
  userResourceType,
  type ResourceTypeDefinition,
} from '../schema/resource-types.js';
import { estimatedFilterCost, filterCost } from './filter-cost.js';

const cost = (type: ResourceTypeDefinition, filter: string, resources = 1000, users = resources) =>
  estimatedFilterCost(filterCost(compileFilter(type, filter)), { resources, users });

describe('filterCost', () => {
  it.each([
    ['userName eq "a"', 1],
    ['externalId eq "a" or id eq "b"', 2],
    ['emails[type eq "work"].value eq "a@b"', 1],
    ['emails.value eq "a@b"', 1],
    ['userName eq "a" and title co "x"', 1],
  ])('prices %s at 1,000 users as %i', (filter, expected) => {
    expect(cost(userResourceType, filter)).toBe(expected);
  });

  it('prices index lookups the same whatever the directory size', () => {
    expect(cost(userResourceType, 'userName eq "a"', 10)).toBe(
      cost(userResourceType, 'userName eq "a"', 1e6),
    );
  });

  it('prices scans per resource, by operator and path', () => {
    const titleEq = cost(userResourceType, 'title eq "x"');
    const titleCo = cost(userResourceType, 'title co "x"');
    const displayCo = cost(userResourceType, 'displayName co "x"');
    const groupsSw = cost(userResourceType, 'groups.display sw "x"');
    expect(titleCo).toBeGreaterThan(titleEq);
    expect(titleEq).toBeGreaterThan(displayCo);
    expect(groupsSw).toBeGreaterThan(titleCo);
    expect(cost(userResourceType, 'title eq "x"', 2000)).toBeGreaterThan(titleEq);
  });

  it('prices members of groups by the memberships (users), not by the groups', () => {
    expect(cost(groupResourceType, 'members.display co "x"', 10, 10_000)).toBeGreaterThan(
      cost(groupResourceType, 'members.display co "x"', 10, 10),
    );
    expect(cost(groupResourceType, 'id eq "g" and members.value eq "u"', 10, 10_000)).toBe(1);
  });

  it('counts a chain of one operator as one level of nesting', () => {
    const chain = Array.from({ length: 50 }, (_, i) => `userName eq "u${i}"`).join(' or ');
    expect(filterCost(compileFilter(userResourceType, chain)).depth).toBe(2);
    expect(
      filterCost(
        compileFilter(
          userResourceType,
          '(a eq 1 or b eq 2) and not (c eq 3)'.replace(/[abc] eq \d/g, 'userName eq "x"'),
        ),
      ).depth,
    ).toBe(3);
  });
});
