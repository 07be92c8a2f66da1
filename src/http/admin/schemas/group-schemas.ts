import { Type } from 'typebox';
import { Id, Name, Timestamp } from './common-schemas.js';
import { RemapJob } from './remap-schemas.js';

export const RoleRef = Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false });

export const DirectoryGroup = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    createdAt: Timestamp,
    roles: Type.Array(RoleRef, { description: 'The roles every member has through this group.' }),
  },
  { additionalProperties: false, title: 'DirectoryGroup' },
);

export const CreateGroup = Type.Object({ name: Name }, { additionalProperties: false });

export const UpdateGroup = Type.Object(
  { name: Name },
  { additionalProperties: false, description: 'The new name.' },
);

export const GroupRoles = Type.Object(
  {
    roles: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: 1000,
      description: 'Role ids or names; the group carries exactly these (an empty list clears them).',
    }),
  },
  { additionalProperties: false },
);

export const GroupMapping = Type.Object(
  {
    id: Id,
    integrationId: Id,
    matchBy: Type.Enum(['id', 'displayName']),
    idpGroup: Type.String({ description: 'The IdP group id, or its displayName in lower case.' }),
    idpGroupName: Type.Union([Type.String(), Type.Null()], {
      description: 'For mappings by id: the IdP group displayName, once the IdP has pushed it.',
    }),
    directoryGroupId: Id,
    directoryGroupName: Type.String(),
    automatic: Type.Boolean({ description: 'Made for an unmapped IdP group (unmappedGroups: create).' }),
  },
  { additionalProperties: false, title: 'GroupMapping' },
);

export const AddedGroupMapping = Type.Object(
  {
    ...GroupMapping.properties,
    remapJob: Type.Object(RemapJob.properties, {
      additionalProperties: false,
      description: 'The remap job queued with the mapping: it moves the identities already synced.',
    }),
  },
  { additionalProperties: false, title: 'AddedGroupMapping' },
);

export const RemovedGroupMapping = Type.Object(
  {
    id: Id,
    remapJob: Type.Object(RemapJob.properties, {
      additionalProperties: false,
      description: 'The remap job queued with the removal: it moves the identities already synced.',
    }),
  },
  { additionalProperties: false, title: 'RemovedGroupMapping' },
);

export const CreateGroupMapping = Type.Object(
  {
    idpGroupId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The IdP group SCIM id (survives renames).' }),
    ),
    idpGroupName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'The IdP group displayName, any case.' }),
    ),
    group: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'A directory group id, or a name (the group is created when none has it).',
    }),
  },
  { additionalProperties: false, description: 'Give exactly one of idpGroupId and idpGroupName.' },
);
