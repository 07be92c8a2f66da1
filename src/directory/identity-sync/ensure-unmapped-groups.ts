import type { IdpGroupMembership } from '../identities/derive-identity.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { IntegrationScope } from '../model/scope.js';
import { groupEvent } from '../events/group-events.js';
import type { EventStamp } from '../events/event-stamp.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { resolveDirectoryGroups } from './mapping-precedence.js';

/**
 * Under `unmappedGroups: create`, an IdP group no mapping covers becomes a directory group of the same
 * name (an existing one of that name is reused) with an automatic mapping by SCIM id. Returns the
 * mappings to add to the candidates, so planning sees every group mapped.
 */
export async function ensureUnmappedGroups(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  stamp: EventStamp,
  candidates: readonly GroupMapping[],
  memberships: readonly IdpGroupMembership[],
): Promise<GroupMapping[]> {
  if (settings.unmappedGroups !== 'create' || memberships.length === 0) return [];
  const { unmapped } = resolveDirectoryGroups(candidates, memberships, settings.unmappedGroups);
  const byId = new Map(unmapped.map((g) => [g.scimGroupId, g]));
  const added: GroupMapping[] = [];
  for (const group of byId.values()) {
    const newGroupId = stamp.newId();
    const directoryGroup = await store.directoryGroups.ensure(
      scope,
      group.displayName,
      newGroupId,
      stamp.now,
    );
    if (directoryGroup.id === newGroupId)
      store.events.append(scope, [
        groupEvent('group.created', directoryGroup, [], ['name', 'roleIds'], stamp),
      ]);
    const mapping: GroupMapping = {
      id: stamp.newId(),
      integrationId: scope.integrationId,
      matchBy: 'id',
      idpGroup: group.scimGroupId,
      directoryGroupId: directoryGroup.id,
      automatic: true,
    };
    // A concurrent writer may have mapped the group first: its mapping is equivalent (same name).
    if (await store.directoryGroups.addMapping(scope, mapping, stamp.now)) added.push(mapping);
    else added.push(...(await store.directoryGroups.mappingCandidates(scope, [group])));
  }
  return added;
}
