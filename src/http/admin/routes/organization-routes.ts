import { Type } from 'typebox';
import { createOrganization } from '../../../directory/organizations/create-organization.js';
import { deleteOrganization } from '../../../directory/organizations/delete-organization.js';
import {
  organizationsVisibleTo,
  organizationVisibleTo,
} from '../../../directory/organizations/organization-visible-to.js';
import type { Organization } from '../../../directory/model/organization.js';
import { adminPrincipalOf } from '../../auth/admin-key-auth.js';
import { requireInstallationKey } from '../installation-key.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { Id, ListOf, responses } from '../schemas/common-schemas.js';
import {
  CreateOrganization,
  DeletedOrganization,
  DeleteOrganizationQuery,
  Organization as OrganizationSchema,
  type OrganizationBody,
} from '../schemas/organization-schemas.js';

const tags = ['Organizations'];

export function organizationBody(organization: Organization): OrganizationBody {
  return { id: organization.id, name: organization.name, createdAt: organization.createdAt };
}

export function registerOrganizationRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'List organizations',
        description: 'Every organization for an installation key; only its own for an organization key.',
        response: responses({ 200: ListOf(OrganizationSchema) }),
      },
    },
    async (request) => ({
      data: (await organizationsVisibleTo(deps.store, adminPrincipalOf(request))).map(organizationBody),
    }),
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organization',
        description: 'Needs an installation key. The organization starts with its Default auth policy.',
        body: CreateOrganization,
        response: responses({ 201: OrganizationSchema }, [400, 403, 409]),
      },
    },
    async (request, reply) => {
      requireInstallationKey(request);
      const organization = await createOrganization(deps, request.body.name);
      return reply.code(201).send(organizationBody(organization));
    },
  );

  app.get(
    '/organizations/:organizationId',
    {
      schema: {
        tags,
        summary: 'Get an organization',
        params: Type.Object({ organizationId: Id }, { additionalProperties: false }),
        response: responses({ 200: OrganizationSchema }, [404]),
      },
    },
    async (request) =>
      organizationBody(
        await organizationVisibleTo(deps.store, adminPrincipalOf(request), request.params.organizationId),
      ),
  );

  app.delete(
    '/organizations/:organizationId',
    {
      schema: {
        tags,
        summary: 'Delete an organization',
        description:
          'Needs an installation key. Deletes everything in it: integrations, SCIM data, every identity, groups, roles, auth policies, JWT signers, remap jobs and its admin keys. Refused (409) for the `default` organization, and while it has integrations unless `force=true`.',
        params: Type.Object({ organizationId: Id }, { additionalProperties: false }),
        querystring: DeleteOrganizationQuery,
        response: responses({ 200: DeletedOrganization }, [400, 403, 404, 409]),
      },
    },
    async (request) => {
      // Another tenant's id is 404 to an organization key, like everywhere; its own is 403.
      await organizationVisibleTo(deps.store, adminPrincipalOf(request), request.params.organizationId);
      requireInstallationKey(request);
      const { organization, integrations, identities, adminKeys } = await deleteOrganization(
        deps,
        request.params.organizationId,
        { force: request.query.force ?? false },
      );
      return {
        id: organization.id,
        name: organization.name,
        deleted: { integrations, identities, adminKeys },
      };
    },
  );
}
