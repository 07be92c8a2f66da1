import { Type } from 'typebox';
import {
  compatibilityModes,
  groupNestingModes,
  identityNameSources,
  mappableProfileFields,
  relinkKeys,
} from '../../../directory/model/integration-settings.js';
import { Id } from './common-schemas.js';
import { RemapJob } from './remap-schemas.js';

const SignInExternalId = Type.Object(
  {
    kind: Type.Enum(['none', 'userName', 'primaryEmail', 'attribute']),
    path: Type.Optional(
      Type.String({ description: 'With kind "attribute": a SCIM attribute path of the User resource.' }),
    ),
  },
  { additionalProperties: false },
);

const SchemaExtensionUrns = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
  maxItems: 20,
  description:
    "URNs of the organization's custom schema extensions this integration accepts; /Schemas and /ResourceTypes advertise exactly these.",
});

const AttributeMapping = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      description:
        'A User attribute path, e.g. urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCenter.',
    }),
    template: Type.String({
      minLength: 1,
      description: 'The identity attribute for each value: {name} is the attribute name, {value} the value.',
    }),
  },
  { additionalProperties: false },
);

const AttributeMappingChange = Type.Union([
  Type.String({ minLength: 1, description: 'A path, with the default template {name}:{value}.' }),
  Type.Object(
    { path: Type.String({ minLength: 1 }), template: Type.Optional(Type.String({ minLength: 1 })) },
    { additionalProperties: false },
  ),
]);

const ProfileMappings = Type.Object(
  Object.fromEntries(
    mappableProfileFields.map((field) => [field, Type.Optional(Type.String({ minLength: 1 }))]),
  ),
  {
    additionalProperties: false,
    description: 'Profile fields taken from a User attribute path (e.g. a custom extension attribute).',
  },
);

const AttributeSources = Type.Object(
  { groups: Type.Boolean(), roles: Type.Boolean(), entitlements: Type.Boolean() },
  { additionalProperties: false },
);

export const Settings = Type.Object(
  {
    identityName: Type.Enum([...identityNameSources]),
    identityNameFallback: Type.Array(Type.Enum([...identityNameSources]), {
      description: 'The fields tried, in order, when identityName is empty (userName last, always).',
    }),
    signInExternalId: SignInExternalId,
    authPolicyId: Type.Union([Id, Type.Null()], { description: 'null: the Default auth policy.' }),
    attributeSources: AttributeSources,
    groupNameAttributes: Type.Enum(['follow', 'firstSeen']),
    groupNesting: Type.Enum([...groupNestingModes], {
      description:
        'nested: groups inherited through group members count for directory groups, roles and group-name attributes; direct: only the groups listing the user.',
    }),
    unmappedGroups: Type.Enum(['create', 'ignore']),
    onDelete: Type.Enum(['deactivate', 'delete']),
    relink: Type.Enum([...relinkKeys], {
      description:
        'A new SCIM user whose externalId (or userName) matches a deleted identity of this integration continues it.',
    }),
    compatibility: Type.Enum([...compatibilityModes], {
      description:
        'lenient: what identity providers really send; strict: RFC 7644 exactly (docs/idp-compatibility.md).',
    }),
    schemaExtensions: SchemaExtensionUrns,
    attributeMappings: Type.Array(AttributeMapping, {
      description: 'Identity attributes from User attribute values (docs/schema-extensions.md).',
    }),
    profileMappings: ProfileMappings,
  },
  { additionalProperties: false, title: 'IntegrationSettings' },
);

/** A partial change: only the fields given change. */
export const SettingsChange = Type.Object(
  {
    identityName: Type.Optional(Type.Enum([...identityNameSources])),
    identityNameFallback: Type.Optional(
      Type.Union([Type.Array(Type.Enum([...identityNameSources])), Type.Null()], {
        description: 'Fields tried after identityName; null restores the default for identityName.',
      }),
    ),
    signInExternalId: Type.Optional(
      Type.Union([
        Type.String({
          minLength: 1,
          description:
            'none, userName, primaryEmail, or a SCIM attribute path of the User resource (externalId, emails.value, the enterprise employeeNumber URN).',
        }),
        SignInExternalId,
      ]),
    ),
    authPolicyId: Type.Optional(Type.Union([Id, Type.Null()])),
    attributeSources: Type.Optional(
      Type.Object(
        {
          groups: Type.Optional(Type.Boolean()),
          roles: Type.Optional(Type.Boolean()),
          entitlements: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    groupNameAttributes: Type.Optional(Type.Enum(['follow', 'firstSeen'])),
    groupNesting: Type.Optional(Type.Enum([...groupNestingModes])),
    unmappedGroups: Type.Optional(Type.Enum(['create', 'ignore'])),
    onDelete: Type.Optional(Type.Enum(['deactivate', 'delete'])),
    relink: Type.Optional(Type.Enum([...relinkKeys])),
    compatibility: Type.Optional(Type.Enum([...compatibilityModes])),
    schemaExtensions: Type.Optional(SchemaExtensionUrns),
    attributeMappings: Type.Optional(Type.Array(AttributeMappingChange, { maxItems: 50 })),
    profileMappings: Type.Optional(ProfileMappings),
  },
  { additionalProperties: false, minProperties: 1, title: 'IntegrationSettingsChange' },
);

export const SettingsView = Type.Object(
  { settings: Settings, defaults: Settings },
  { additionalProperties: false },
);

export const SettingsChanged = Type.Object(
  {
    settings: Settings,
    remapJob: RemapJob,
  },
  {
    additionalProperties: false,
    description: 'The saved settings, and the job that re-derives the identities already synced.',
  },
);
