import { Type } from 'typebox';
import { Id, NullableTimestamp, Timestamp } from './admin/schemas/common-schemas.js';

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'An email address.' });
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const LinkToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The token after `#` in the link.',
});

export const ConsoleAccount = Type.Object(
  {
    id: Id,
    email: Type.String(),
    organizationId: Type.Union([Id, Type.Null()], {
      description: 'The organization the account is limited to; null for an installation-wide account.',
    }),
    createdAt: Timestamp,
    disabledAt: NullableTimestamp,
    lastSignInAt: NullableTimestamp,
    hasPassword: Type.Boolean({ description: 'False until the invitation link is used.' }),
  },
  { additionalProperties: false, title: 'ConsoleAccount' },
);

export const ConsoleSession = Type.Object(
  {
    kind: Type.Union([Type.Literal('account'), Type.Literal('setup')], {
      description: '`setup`: opened by a self-serve setup link, for one organization, without an account.',
    }),
    account: Type.Union([ConsoleAccount, Type.Null()]),
    organizationId: Type.Union([Id, Type.Null()], { description: 'null: installation-wide.' }),
    csrfToken: Type.String({
      description: 'Send it as `x-roster-csrf` on every state-changing call made with the session cookie.',
    }),
    expiresAt: Timestamp,
  },
  { additionalProperties: false, title: 'ConsoleSession' },
);

export const SignIn = Type.Object({ email: Email, password: Password }, { additionalProperties: false });

export const LinkTokenBody = Type.Object({ token: LinkToken }, { additionalProperties: false });

export const AcceptLink = Type.Object(
  {
    token: LinkToken,
    password: Password,
    email: Type.Optional(Type.String({ maxLength: 254, description: 'Only for the first account’s link.' })),
  },
  { additionalProperties: false },
);

export const LinkDescription = Type.Object(
  {
    kind: Type.Union([Type.Literal('first_account'), Type.Literal('invite'), Type.Literal('reset')]),
    email: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Timestamp,
  },
  { additionalProperties: false, title: 'ConsoleLinkDescription' },
);

export const InviteAccount = Type.Object(
  {
    email: Email,
    organizationId: Type.Optional(
      Type.Union([Id, Type.Null()], {
        description: 'Limit the account to this organization; omit or null for an installation-wide account.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AccountLink = Type.Object(
  {
    url: Type.String({ description: 'The one-time link, shown only in this response.' }),
    expiresAt: Timestamp,
  },
  { additionalProperties: false, title: 'ConsoleAccountLink' },
);

export const InvitedAccount = Type.Object(
  { account: ConsoleAccount, invitation: AccountLink },
  { additionalProperties: false, title: 'InvitedConsoleAccount' },
);

export const AccountQuery = Type.Object(
  { organizationId: Type.Optional(Id) },
  { additionalProperties: false },
);

const setupLinkFields = {
  id: Id,
  organizationId: Id,
  label: Type.String(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  usedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
  status: Type.Union([
    Type.Literal('active'),
    Type.Literal('expired'),
    Type.Literal('used'),
    Type.Literal('revoked'),
  ]),
};

export const SetupLink = Type.Object(setupLinkFields, { additionalProperties: false, title: 'SetupLink' });

export const IssuedSetupLink = Type.Object(
  { ...setupLinkFields, url: Type.String({ description: 'The link, shown only in this response.' }) },
  { additionalProperties: false, title: 'IssuedSetupLink' },
);

export const CreateSetupLink = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: 200, description: 'Who the link is for.' })),
    validForHours: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 720, description: 'Default 72 hours; at most 30 days.' }),
    ),
  },
  { additionalProperties: false },
);
