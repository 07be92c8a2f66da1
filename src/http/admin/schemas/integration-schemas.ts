import { Type } from 'typebox';
import { idpPresets } from '../../../directory/model/integration.js';
import { Id, Name, NullableTimestamp, Timestamp } from './common-schemas.js';
import { ErrorRate } from './provisioning-log-schemas.js';

const integrationFields = {
  id: Id,
  organizationId: Id,
  name: Type.String(),
  idp: Type.Enum([...idpPresets]),
  integrationUrl: Type.String({ description: 'The SCIM base URL to configure in the identity provider.' }),
  createdAt: Timestamp,
  tokenCreatedAt: NullableTimestamp,
  tokenExpiresAt: NullableTimestamp,
  hasValidToken: Type.Boolean(),
  pausedAt: Type.Union([Timestamp, Type.Null()], {
    description:
      'When an operator paused the integration (its SCIM requests get 503 with Retry-After); null: not paused.',
  }),
};

export const Integration = Type.Object(integrationFields, {
  additionalProperties: false,
  title: 'Integration',
});

/** A row of the integrations list: the integration and its provisioning log's recent activity. */
export const IntegrationListItem = Type.Object(
  {
    ...integrationFields,
    activity: Type.Object(
      {
        lastRequestAt: NullableTimestamp,
        lastRequestStatus: Type.Union([Type.Integer(), Type.Null()], {
          description: 'The HTTP status of its newest logged SCIM request; null: none logged.',
        }),
        lastDay: ErrorRate,
      },
      {
        additionalProperties: false,
        description:
          'From the provisioning log (lossy by design: rates are of what was logged); lastDay covers the last 24 hours.',
      },
    ),
  },
  { additionalProperties: false, title: 'IntegrationListItem' },
);

export const IssuedIntegration = Type.Object(
  {
    ...integrationFields,
    token: Type.String({
      description: 'The SCIM bearer token. Shown only in this response; Roster keeps a hash.',
    }),
  },
  { additionalProperties: false, title: 'IssuedIntegration' },
);

export const CreateIntegration = Type.Object(
  {
    name: Name,
    idp: Type.Optional(Type.Enum([...idpPresets], { default: 'generic' })),
    tokenLifetimeDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Defaults to the server setting (365).' }),
    ),
  },
  { additionalProperties: false },
);

export const RotateToken = Type.Object(
  { tokenLifetimeDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);

export const IssuedToken = Type.Object(
  {
    token: Type.String({ description: 'Shown only in this response. The previous token no longer works.' }),
    tokenExpiresAt: Timestamp,
  },
  { additionalProperties: false, title: 'IssuedToken' },
);

export const DeleteIntegrationQuery = Type.Object(
  {
    identities: Type.Enum(['disable', 'delete', 'keep'], {
      description:
        'What happens to the identities the integration manages: disabled, deleted, or kept as unmanaged identities.',
    }),
  },
  { additionalProperties: false },
);

export const DeletedIntegration = Type.Object(
  {
    id: Id,
    identities: Type.Object(
      {
        action: Type.Enum(['disable', 'delete', 'keep']),
        count: Type.Integer({ description: 'How many identities it affected.' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
