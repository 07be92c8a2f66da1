import type { DirectoryDeps } from '../directory-deps.js';
import type { GroupMapping } from '../model/directory-group.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

export interface GroupMappingView extends GroupMapping {
  readonly directoryGroupName: string;
  /** For mappings by SCIM id: the IdP group's current displayName, when the IdP has pushed it. */
  readonly idpGroupName: string | undefined;
}

/** An integration's IdP-group → directory-group mappings, with the names an operator recognises. */
export async function listGroupMappings(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<readonly GroupMappingView[]> {
  const { store } = deps;
  await integrationInOrganization(store, organizationId, integrationId);
  const mappings = await store.directoryGroups.mappings({ organizationId, integrationId });
  const groups = new Map((await store.directoryGroups.list({ organizationId })).map((g) => [g.id, g.name]));
  const scimIds = mappings.filter((m) => m.matchBy === 'id').map((m) => m.idpGroup);
  const scimGroups = await store.scimResources.findByIds({ organizationId, integrationId }, 'Group', scimIds);
  const scimNames = new Map(scimGroups.map((g) => [g.id, g.attributes.displayName]));
  return mappings.map((mapping) => {
    const idpName = mapping.matchBy === 'id' ? scimNames.get(mapping.idpGroup) : undefined;
    return {
      ...mapping,
      directoryGroupName: groups.get(mapping.directoryGroupId) ?? '',
      idpGroupName: typeof idpName === 'string' ? idpName : undefined,
    };
  });
}
