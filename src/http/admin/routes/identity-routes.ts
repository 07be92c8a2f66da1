import { identityGroupsWithRoles } from '../../../directory/identities/identity-groups.js';
import { getIdentity } from '../../../directory/identities/get-identity.js';
import { showIdentity } from '../../../directory/identities/show-identity.js';
import { explainIdentity } from '../../../directory/nested-groups/explain-identity.js';
import { setIdentityStatus } from '../../../directory/identities/set-identity-status.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { actingFor, organizationOf } from '../admin-context.js';
import { Id, ListOf, OrganizationParams, PageOf, responses } from '../schemas/common-schemas.js';
import { DirectoryGroup } from '../schemas/group-schemas.js';
import {
  EffectiveRoles,
  Identity,
  IdentityAttributes,
  IdentityExplanation,
  IdentityListQuery,
} from '../schemas/identity-schemas.js';
import { groupBody } from './group-routes.js';
import { identityBody, identityPage } from './identity-body.js';

const tags = ['Identities'];
const IdentityParams = OrganizationParams({ identityId: Id });

export function registerIdentityRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const identityIn = (organizationId: string, identityId: string) =>
    getIdentity(deps, { organizationId }, identityId);

  app.get(
    '/identities',
    {
      schema: {
        tags,
        summary: 'List identities',
        description:
          'In id order, `limit` at a time (default 50, at most 1000); follow `nextCursor` for the next page. Filters combine (AND).',
        params: OrganizationParams({}),
        querystring: IdentityListQuery,
        response: responses({ 200: PageOf(Identity) }, [400, 404]),
      },
    },
    async (request) => {
      const { limit, cursor, q, ...filters } = request.query;
      return identityPage(deps, organizationOf(request).id, { ...filters, text: q }, { limit, cursor });
    },
  );

  app.get(
    '/identities/:identityId',
    {
      schema: {
        tags,
        summary: 'Get an identity',
        params: IdentityParams,
        response: responses({ 200: Identity }, [404]),
      },
    },
    async (request) => identityBody(await identityIn(organizationOf(request).id, request.params.identityId)),
  );

  for (const [action, status] of [
    ['disable', 'disabled'],
    ['enable', 'active'],
  ] as const) {
    app.post(
      `/identities/:identityId/${action}`,
      {
        schema: {
          tags,
          summary: action === 'disable' ? 'Disable an identity' : 'Enable an identity',
          description:
            'The identity provider stays the source of truth: an identity an integration manages takes the status the IdP gives it again on that user’s next SCIM write or remap. An identity the IdP deleted cannot be changed here (409).',
          params: IdentityParams,
          response: responses({ 200: Identity }, [404, 409]),
        },
      },
      async (request) =>
        identityBody(
          await setIdentityStatus(
            actingFor(deps, request),
            organizationOf(request).id,
            request.params.identityId,
            status,
          ),
        ),
    );
  }

  app.get(
    '/identities/:identityId/attributes',
    {
      schema: {
        tags,
        summary: "An identity's attributes",
        description:
          'The words apps authorize by: group names, roles and entitlements, as the settings choose.',
        params: IdentityParams,
        response: responses({ 200: IdentityAttributes }, [404]),
      },
    },
    async (request) => ({
      data: [...(await identityIn(organizationOf(request).id, request.params.identityId)).attributes],
    }),
  );

  app.get(
    '/identities/:identityId/explanation',
    {
      schema: {
        tags,
        summary: 'Why an identity has its groups and attributes',
        description:
          'Each SCIM group it is in, directly or through a chain of group members (docs/groups.md), with the directory group it maps to; each attribute with where it came from (a group, a role or an entitlement).',
        params: IdentityParams,
        response: responses({ 200: IdentityExplanation }, [404]),
      },
    },
    async (request) => {
      const explanation = await explainIdentity(
        deps,
        { organizationId: organizationOf(request).id },
        request.params.identityId,
      );
      return {
        ...explanation,
        effectiveGroups: explanation.effectiveGroups.map((g) => ({
          ...g,
          chain: [...g.chain],
          directoryGroupId: g.directoryGroupId ?? null,
          mappingId: g.mappingId ?? null,
        })),
        attributes: explanation.attributes.map((a) => ({ attribute: a.attribute, origins: [...a.origins] })),
      };
    },
  );

  app.get(
    '/identities/:identityId/groups',
    {
      schema: {
        tags,
        summary: "An identity's directory groups",
        params: IdentityParams,
        response: responses({ 200: ListOf(DirectoryGroup) }, [404]),
      },
    },
    async (request) => {
      const scope = { organizationId: organizationOf(request).id };
      const groups = await identityGroupsWithRoles(deps, scope, request.params.identityId);
      return { data: groups.map(groupBody) };
    },
  );

  app.get(
    '/identities/:identityId/roles',
    {
      schema: {
        tags,
        summary: "An identity's effective roles",
        description: 'The roles it has through its directory groups, and their permissions.',
        params: IdentityParams,
        response: responses({ 200: EffectiveRoles }, [404]),
      },
    },
    async (request) => {
      const details = await showIdentity(deps, organizationOf(request).id, request.params.identityId);
      return {
        data: details.roles.map((role) => ({
          id: role.id,
          name: role.name,
          permissions: [...role.permissions],
        })),
        permissions: [...details.permissions],
      };
    },
  );
}
