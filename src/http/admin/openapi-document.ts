import type { SwaggerOptions } from '@fastify/swagger';

export const adminTags = [
  { name: 'Organizations', description: 'Tenants. Installation keys create and list them.' },
  { name: 'Admin keys', description: 'Keys for this API. Installation keys only.' },
  {
    name: 'Audit log',
    description: 'Every admin action (this API and the CLI): who, what, when, from where.',
  },
  { name: 'Integrations', description: 'One per identity provider: its SCIM URL, token and settings.' },
  { name: 'Remapping', description: 'Dry runs and jobs that re-derive identities after a settings change.' },
  { name: 'Identities', description: 'The people (and workloads) the directory holds.' },
  { name: 'Groups', description: 'Directory groups, their members, roles, and how IdP groups map to them.' },
  { name: 'Roles', description: 'Named sets of permissions, given to identities through groups.' },
  { name: 'Auth policies', description: 'Which JWT signers an identity may sign in with.' },
  { name: 'JWT signers', description: 'Issuers whose JWTs identities sign in with.' },
  {
    name: 'Sign-in',
    description: 'Verify an app user’s token; optional sign-in sessions (docs/sign-in.md).',
  },
  { name: 'Webhooks', description: 'Signed deliveries of the events feed to your URLs (Standard Webhooks).' },
  {
    name: 'Security events',
    description: 'RFC 9967 Security Event Tokens pushed to RFC 8935 receivers, signed with a published JWKS.',
  },
  { name: 'Events', description: 'Every directory change, in order, per organization (docs/events.md).' },
  {
    name: 'Provisioning log',
    description: 'Every SCIM request each integration made, with why a failure failed.',
  },
];

/** The OpenAPI 3.1 document's frame; @fastify/swagger fills the paths from the routes' own schemas. */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Roster admin API',
      version: '1.0.0',
      description:
        'Manage organizations, integrations, identities, groups, roles, auth policies and JWT signers. ' +
        'Every request carries an admin API key (`Authorization: Bearer roster_admin_...`). Errors share ' +
        'one body: `{ "error": { "code", "message", "details"? }, "requestId" }`. See docs/admin-api.md.',
    },
    tags: adminTags,
    components: {
      securitySchemes: {
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An admin API key (roster_admin_...), for one organization or the whole installation.',
        },
      },
    },
    security: [{ adminKey: [] }],
  },
};
