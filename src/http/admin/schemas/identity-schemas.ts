import { Type } from 'typebox';
import { Id, IdOf, NullableTimestamp, PageQuery, Timestamp } from './common-schemas.js';

const Text = Type.Optional(Type.String());

export const IdentityProfile = Type.Object(
  {
    username: Text,
    givenName: Text,
    familyName: Text,
    formattedName: Text,
    displayName: Text,
    email: Text,
    mobilePhone: Text,
    workPhone: Text,
    title: Text,
    department: Text,
    employeeNumber: Text,
    manager: Text,
    workAddress: Type.Optional(
      Type.Object(
        { street: Text, locality: Text, region: Text, postalCode: Text, country: Text },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'IdentityProfile' },
);

export const IdentityStatus = Type.Enum(['active', 'disabled', 'deleted']);

export const Identity = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    status: IdentityStatus,
    signInExternalId: Type.Union([Type.String(), Type.Null()], {
      description: 'Matched against a JWT claim at sign-in.',
    }),
    authPolicyId: Type.Union([Id, Type.Null()], { description: 'null: the Default auth policy.' }),
    attributes: Type.Array(Type.String()),
    profile: IdentityProfile,
    sourceIntegrationId: Type.Union([Id, Type.Null()], {
      description: 'The integration that manages the identity; null for unmanaged identities.',
    }),
    scimResourceId: Type.Union([Id, Type.Null()], { description: 'The SCIM User it is derived from.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastSyncedAt: NullableTimestamp,
  },
  { additionalProperties: false, title: 'Identity' },
);

export const IdentityListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(IdentityStatus),
    integrationId: Type.Optional(IdOf('Only identities this integration manages.')),
    groupId: Type.Optional(IdOf('Only members of this directory group.')),
    attribute: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Only identities with this attribute (exact).',
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Text search: part of the name, any case.' }),
    ),
  },
  { additionalProperties: false },
);

export const MembersQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(IdentityStatus) },
  { additionalProperties: false },
);

export const IdentityAttributes = Type.Object(
  { data: Type.Array(Type.String()) },
  { additionalProperties: false },
);

export const EffectiveRoles = Type.Object(
  {
    data: Type.Array(
      Type.Object(
        { id: Id, name: Type.String(), permissions: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    permissions: Type.Array(Type.String(), { description: 'Every permission of those roles, once each.' }),
  },
  { additionalProperties: false },
);

const ChainLink = Type.Object(
  { scimGroupId: Id, displayName: Type.String() },
  { additionalProperties: false },
);

/** Why an identity has its groups and attributes (nested groups, issue 19; origins, issue 18). */
export const IdentityExplanation = Type.Object(
  {
    identityId: Id,
    effectiveGroups: Type.Array(
      Type.Object(
        {
          integrationId: Id,
          scimGroupId: Id,
          displayName: Type.String(),
          chain: Type.Array(ChainLink, {
            description:
              'From this group down to the group listing the user, through group members; one link when it lists the user itself.',
          }),
          counts: Type.Boolean({
            description:
              'False when the integration uses groupNesting "direct" and the group is only inherited.',
          }),
          directoryGroupId: Type.Union([Id, Type.Null()]),
          mappingId: Type.Union([Id, Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    attributes: Type.Array(
      Type.Object(
        {
          attribute: Type.String(),
          origins: Type.Array(
            Type.Object(
              {
                from: Type.Enum(['group', 'role', 'entitlement', 'mapping']),
                integrationId: Id,
                scimGroupId: Type.Optional(Id),
                inherited: Type.Optional(Type.Boolean()),
                /** For `mapping`: the user attribute path the integration's attribute mapping read. */
                path: Type.Optional(Type.String()),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'IdentityExplanation' },
);
