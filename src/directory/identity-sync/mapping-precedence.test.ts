import { describe, expect, it } from 'vitest';
import type { GroupMapping } from '../model/directory-group.js';
import { mappingFor, resolveDirectoryGroups } from './mapping-precedence.js';

const mapping = (
  id: string,
  matchBy: GroupMapping['matchBy'],
  idpGroup: string,
  automatic = false,
): GroupMapping => ({
  id,
  integrationId: 'int',
  matchBy,
  idpGroup,
  directoryGroupId: `dir-${id}`,
  automatic,
});
const eng = { scimGroupId: 'scim-eng', displayName: 'Engineering' };

describe('mappingFor: which mapping an IdP group follows', () => {
  const cases: [string, GroupMapping[], boolean, string | undefined][] = [
    ['none when nothing names the group', [mapping('a', 'id', 'other')], false, undefined],
    ['a match by SCIM id', [mapping('a', 'id', 'scim-eng')], false, 'a'],
    [
      'a match by displayName, compared case-insensitively',
      [mapping('a', 'displayName', 'engineering')],
      false,
      'a',
    ],
    [
      'an id match before a name match',
      [mapping('n', 'displayName', 'engineering'), mapping('i', 'id', 'scim-eng')],
      false,
      'i',
    ],
    [
      'an explicit name match before an automatic id match',
      [mapping('auto', 'id', 'scim-eng', true), mapping('n', 'displayName', 'engineering')],
      false,
      'n',
    ],
    ['an automatic mapping when nothing else', [mapping('auto', 'id', 'scim-eng', true)], false, 'auto'],
    ['no automatic mapping under "ignore"', [mapping('auto', 'id', 'scim-eng', true)], true, undefined],
  ];
  it.each(cases)('%s', (_, candidates, ignoreAutomatic, expected) => {
    expect(mappingFor(candidates, eng, ignoreAutomatic)?.id).toBe(expected);
  });
});

describe('resolveDirectoryGroups', () => {
  it('collects mapped groups once each, sorted, and lists the unmapped ones under "create"', () => {
    const sales = { scimGroupId: 'scim-sales', displayName: 'Sales' };
    const unnamed = { scimGroupId: 'scim-x', displayName: '' };
    const candidates = [mapping('b', 'id', 'scim-eng'), mapping('a', 'displayName', 'engineering')];
    expect(resolveDirectoryGroups(candidates, [eng, eng, sales, unnamed], 'create')).toEqual({
      groupIds: ['dir-b'],
      unmapped: [sales],
    });
    expect(resolveDirectoryGroups(candidates, [sales], 'ignore')).toEqual({ groupIds: [], unmapped: [] });
  });
});
