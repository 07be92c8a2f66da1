import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';
import { err, ok, type Result } from '../../core/result.js';
import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { Problem } from '../directory-error.js';
import { startRemap } from '../remap/start-remap.js';
import type { RemapPreview } from '../remap/preview-remap.js';
import type { DirectoryGroup, GroupMapping } from '../model/directory-group.js';
import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkName } from '../names/check-name.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';
import { previewMappingChange } from './preview-mapping-change.js';

export interface GroupMappingInput {
  /** The IdP group's SCIM id (survives renames in the IdP). */
  readonly idpGroupId?: string | undefined;
  /** The IdP group's displayName (case-insensitive; lets a mapping exist before the IdP pushes it). */
  readonly idpGroupName?: string | undefined;
  /** A directory group's id, or a name: the group of that name, created when there is none. */
  readonly group: string;
}

export interface CheckedGroupMapping {
  readonly matchBy: GroupMapping['matchBy'];
  readonly idpGroup: string;
  readonly group: string;
}

export function checkGroupMapping(input: GroupMappingInput): Result<CheckedGroupMapping, Problem[]> {
  const problems: Problem[] = [];
  const byId = input.idpGroupId?.trim();
  const byName = input.idpGroupName?.trim();
  if ((byId === undefined) === (byName === undefined)) {
    problems.push({
      field: 'idpGroupId',
      message: 'give exactly one of the IdP group id and the IdP group name',
    });
  } else if (byId === '' || byName === '') {
    problems.push({
      field: byId === '' ? 'idpGroupId' : 'idpGroupName',
      message: 'the IdP group id or name must not be empty',
    });
  }
  const group = checkName('The directory group', input.group);
  if (!group.ok) problems.push({ field: 'group', message: group.error });
  if (problems.length > 0 || !group.ok) return err(problems);
  return ok(
    byId !== undefined
      ? { matchBy: 'id', idpGroup: byId, group: group.value }
      : { matchBy: 'displayName', idpGroup: byName ?? '', group: group.value },
  );
}

export interface AddedGroupMapping {
  readonly mapping: GroupMapping;
  readonly group: DirectoryGroup;
  readonly groupCreated: boolean;
  /** Automatic mappings (made for unmapped groups) this explicit mapping took the place of. */
  readonly replaced: readonly GroupMapping[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Maps an IdP group to a directory group. An automatic mapping (created for an unmapped IdP group) gives
 * way to the explicit one; an explicit mapping for the same IdP group is refused. Like a settings change,
 * it applies to the identities already synced: the remap job that re-derives them is queued in the same
 * transaction (the product promise: mapping changes apply to every synced user).
 */
export async function addGroupMapping(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  input: GroupMappingInput,
): Promise<AddedGroupMapping & { readonly job: RemapJob }> {
  const checked = checkGroupMapping(input);
  if (!checked.ok) throw new InvalidDirectoryInput('invalid_group_mapping', checked.error);
  return deps.store.transaction(async (store) => {
    const added = await writeGroupMapping(deps, store, organizationId, integrationId, checked.value);
    return { ...added, job: await startRemap({ ...deps, store }, { organizationId, integrationId }) };
  });
}

/** What adding the mapping would do to the identities already synced; writes nothing. */
export async function previewAddGroupMapping(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  input: GroupMappingInput,
): Promise<AddedGroupMapping & { readonly preview: RemapPreview }> {
  const checked = checkGroupMapping(input);
  if (!checked.ok) throw new InvalidDirectoryInput('invalid_group_mapping', checked.error);
  const { result, preview } = await previewMappingChange(deps, { organizationId, integrationId }, (store) =>
    writeGroupMapping(deps, store, organizationId, integrationId, checked.value),
  );
  return { ...result, preview };
}

async function writeGroupMapping(
  deps: DirectoryDeps,
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
  checked: CheckedGroupMapping,
): Promise<AddedGroupMapping> {
  const { matchBy, idpGroup } = checked;
  const now = deps.clock.now().toISOString();
  await integrationInOrganization(store, organizationId, integrationId);
  const { group, created } = await groupNamedOrWithId(deps, store, organizationId, checked.group, now);
  const key = matchBy === 'displayName' ? idpGroup.toLowerCase() : idpGroup;
  const existing = await store.directoryGroups.mappings({ organizationId, integrationId });
  const same = existing.find((m) => m.matchBy === matchBy && m.idpGroup === key);
  if (same && !same.automatic) {
    throw new DirectoryConflict(
      'mapping_exists',
      `IdP group "${idpGroup}" is already mapped (mapping ${same.id}); remove that mapping first.`,
    );
  }
  const replaced = same ? [same] : [];
  if (matchBy === 'displayName') {
    // Mappings by SCIM id win over mappings by name, so automatic ones for groups of this name must go.
    const scope: IntegrationScope = { organizationId, integrationId };
    replaced.push(...(await automaticMappingsNamed(store, scope, existing, key)));
  }
  for (const mapping of replaced)
    await store.directoryGroups.removeMapping({ organizationId, integrationId }, mapping.id);
  const mapping: GroupMapping = {
    id: deps.ids.newId(),
    integrationId,
    matchBy,
    idpGroup: key,
    directoryGroupId: group.id,
    automatic: false,
  };
  if (!(await store.directoryGroups.addMapping({ organizationId, integrationId }, mapping, now))) {
    throw new DirectoryConflict('mapping_exists', `IdP group "${idpGroup}" is already mapped.`);
  }
  return { mapping, group, groupCreated: created, replaced };
}

async function groupNamedOrWithId(
  deps: DirectoryDeps,
  store: DirectoryStore,
  organizationId: string,
  nameOrId: string,
  now: string,
): Promise<{ group: DirectoryGroup; created: boolean }> {
  const byId = await store.directoryGroups.findById({ organizationId }, nameOrId);
  if (byId) return { group: byId, created: false };
  // An id that matches nothing here is a typo or another tenant's group, not a name to create.
  if (UUID.test(nameOrId)) {
    throw new DirectoryNotFound('group_not_found', `No directory group with id "${nameOrId}".`);
  }
  const newId = deps.ids.newId();
  const group = await store.directoryGroups.ensure({ organizationId }, nameOrId, newId, now);
  const created = group.id === newId;
  if (created)
    store.events.append({ organizationId }, [
      groupEvent('group.created', group, [], ['name', 'roleIds'], { ...eventStampOf(deps), now }),
    ]);
  return { group, created };
}

async function automaticMappingsNamed(
  store: DirectoryStore,
  scope: IntegrationScope,
  mappings: readonly GroupMapping[],
  nameKey: string,
): Promise<GroupMapping[]> {
  const automatic = mappings.filter((m) => m.automatic && m.matchBy === 'id');
  if (automatic.length === 0) return [];
  const groups = await store.scimResources.findByIds(
    scope,
    'Group',
    automatic.map((m) => m.idpGroup),
  );
  const named = new Set(
    groups
      .filter((g) => typeof g.attributes.displayName === 'string')
      .filter((g) => (g.attributes.displayName as string).toLowerCase() === nameKey)
      .map((g) => g.id),
  );
  return automatic.filter((m) => named.has(m.idpGroup));
}
