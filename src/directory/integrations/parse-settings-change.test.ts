import { describe, expect, it } from 'vitest';
import { defaultIntegrationSettings } from '../model/integration-settings.js';
import { parseSettingsChange, settingsAsOptions, type SettingsOptions } from './parse-settings-change.js';

describe('parseSettingsChange', () => {
  const accepted: [string, SettingsOptions, Record<string, unknown>][] = [
    ['passes the identity name through', { identityName: 'displayName' }, { identityName: 'displayName' }],
    [
      'passes the external ID source through',
      { externalId: 'primaryEmail' },
      { signInExternalId: 'primaryEmail' },
    ],
    ['turns "default" into the Default policy', { authPolicy: 'Default' }, { authPolicyId: null }],
    ['keeps a policy id', { authPolicy: ' p-1 ' }, { authPolicyId: 'p-1' }],
    [
      'enables exactly the listed attribute sources',
      { attributesFrom: 'groups, roles' },
      { attributeSources: { groups: true, roles: true, entitlements: false } },
    ],
    [
      'turns "none" into no attribute sources',
      { attributesFrom: 'none' },
      { attributeSources: { groups: false, roles: false, entitlements: false } },
    ],
    [
      'spells first-seen as the settings do',
      { groupNames: 'first-seen' },
      { groupNameAttributes: 'firstSeen' },
    ],
    [
      'splits the identity-name fallback into a list',
      { identityNameFallback: 'nickName, displayName' },
      { identityNameFallback: ['nickName', 'displayName'] },
    ],
    [
      'turns a "default" fallback into the default chain',
      { identityNameFallback: 'default' },
      { identityNameFallback: null },
    ],
    [
      'turns a "none" fallback into no fallback',
      { identityNameFallback: 'none' },
      { identityNameFallback: [] },
    ],
    [
      'passes relink and compatibility through',
      { relink: 'userName', compatibility: 'strict' },
      { relink: 'userName', compatibility: 'strict' },
    ],
    [
      'passes unmapped groups and on-delete through',
      { unmappedGroups: 'ignore', onDelete: 'delete' },
      { unmappedGroups: 'ignore', onDelete: 'delete' },
    ],
  ];
  it.each(accepted)('%s', (_name, options, change) => {
    expect(parseSettingsChange(options)).toEqual({ ok: true, value: change });
  });

  const refused: [string, SettingsOptions, string[]][] = [
    ['nothing to change', {}, ['nothing to change: give at least one setting']],
    ['an empty policy', { authPolicy: ' ' }, ['auth-policy must be a policy id, or "default"']],
    [
      'an unknown attribute source, and a bad group-name mode, at once',
      { attributesFrom: 'groups,teams', groupNames: 'firstSeen' },
      [
        'attributes-from must be "none" or a comma-separated list of groups, roles, entitlements',
        'group-names must be "follow" or "first-seen"',
      ],
    ],
    [
      'an empty attribute source list',
      { attributesFrom: ' , ' },
      ['attributes-from must be "none" or a comma-separated list of groups, roles, entitlements'],
    ],
    [
      '"none" mixed with sources',
      { attributesFrom: 'none,groups' },
      [expect.stringContaining('attributes-from')],
    ],
    [
      'an inherited property name',
      { groupNames: 'constructor' },
      ['group-names must be "follow" or "first-seen"'],
    ],
  ];
  it.each(refused)('refuses %s', (_name, options, problems) => {
    expect(parseSettingsChange(options)).toEqual({ ok: false, error: problems });
  });
});

describe('settingsAsOptions', () => {
  it('shows the defaults in the words the options take', () => {
    expect(settingsAsOptions(defaultIntegrationSettings)).toEqual({
      identityName: 'userName',
      identityNameFallback: 'none',
      externalId: 'none',
      authPolicy: 'default',
      attributesFrom: 'groups,roles,entitlements',
      groupNames: 'follow',
      unmappedGroups: 'create',
      onDelete: 'deactivate',
      relink: 'externalId',
      compatibility: 'lenient',
      groupNesting: 'nested',
      schemaExtensions: 'none',
      attributeMappings: 'none',
      profileMappings: 'none',
    });
  });

  it('round-trips through parseSettingsChange', () => {
    const settings = {
      ...defaultIntegrationSettings,
      signInExternalId: { kind: 'attribute', path: 'emails[type eq "work"].value' } as const,
      authPolicyId: 'p-1',
      attributeSources: { groups: false, roles: false, entitlements: false },
      groupNameAttributes: 'firstSeen' as const,
      groupNesting: 'direct' as const,
      schemaExtensions: ['urn:example:acme:User'],
      attributeMappings: [{ path: 'urn:example:acme:User:costCenter', template: 'cc={value}' }],
      profileMappings: { department: 'urn:example:acme:User:dept' },
    };
    const options = settingsAsOptions(settings);
    expect(options).toMatchObject({ externalId: 'emails[type eq "work"].value', attributesFrom: 'none' });
    expect(parseSettingsChange(options)).toEqual({
      ok: true,
      value: {
        identityName: 'userName',
        identityNameFallback: [],
        signInExternalId: 'emails[type eq "work"].value',
        authPolicyId: 'p-1',
        attributeSources: { groups: false, roles: false, entitlements: false },
        groupNameAttributes: 'firstSeen',
        unmappedGroups: 'create',
        onDelete: 'deactivate',
        relink: 'externalId',
        compatibility: 'lenient',
        groupNesting: 'direct',
        schemaExtensions: ['urn:example:acme:User'],
        attributeMappings: [{ path: 'urn:example:acme:User:costCenter', template: 'cc={value}' }],
        profileMappings: { department: 'urn:example:acme:User:dept' },
      },
    });
  });

  it('reads profile mappings as field=path items, "none" clearing them, and names a malformed item', () => {
    expect(
      parseSettingsChange({ profileMappings: 'department = urn:x:User:dept; title=urn:x:User:t' }),
    ).toEqual({
      ok: true,
      value: { profileMappings: { department: 'urn:x:User:dept', title: 'urn:x:User:t' } },
    });
    expect(parseSettingsChange({ profileMappings: 'none' })).toEqual({
      ok: true,
      value: { profileMappings: {} },
    });
    expect(parseSettingsChange({ profileMappings: 'department' })).toEqual({
      ok: false,
      error: ['profile-mappings: "department" must be field=path (or the whole value "none")'],
    });
  });
});
