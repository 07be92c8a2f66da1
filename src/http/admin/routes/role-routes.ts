import { listRoles } from '../../../directory/roles/list-roles.js';
import { createRole } from '../../../directory/roles/create-role.js';
import { deleteRole } from '../../../directory/roles/delete-role.js';
import { updateRole } from '../../../directory/roles/update-role.js';
import { roleInOrganization } from '../../../directory/organizations/find-in-organization.js';
import type { Role } from '../../../directory/model/role.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { actingFor, organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import { CreateRole, Role as RoleSchema, UpdateRole } from '../schemas/role-schemas.js';

const tags = ['Roles'];
const RoleParams = OrganizationParams({ roleId: Id });

function roleBody(role: Role) {
  return {
    id: role.id,
    organizationId: role.organizationId,
    name: role.name,
    permissions: [...role.permissions],
  };
}

export function registerRoleRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/roles',
    {
      schema: {
        tags,
        summary: 'List roles',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(RoleSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listRoles(deps, { organizationId: organizationOf(request).id })).map(roleBody),
    }),
  );

  app.post(
    '/roles',
    {
      schema: {
        tags,
        summary: 'Create a role',
        params: OrganizationParams({}),
        body: CreateRole,
        response: responses({ 201: RoleSchema }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const role = await createRole(deps, organizationOf(request).id, {
        name: request.body.name,
        permissions: request.body.permissions ?? [],
      });
      return reply.code(201).send(roleBody(role));
    },
  );

  app.get(
    '/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Get a role',
        params: RoleParams,
        response: responses({ 200: RoleSchema }, [404]),
      },
    },
    async (request) =>
      roleBody(await roleInOrganization(deps.store, organizationOf(request).id, request.params.roleId)),
  );

  app.patch(
    '/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Change a role',
        description:
          'Rename it and/or replace its permissions; identities holding it see the change at once.',
        params: RoleParams,
        body: UpdateRole,
        response: responses({ 200: RoleSchema }, [400, 404, 409]),
      },
    },
    async (request) =>
      roleBody(
        await updateRole(
          actingFor(deps, request),
          organizationOf(request).id,
          request.params.roleId,
          request.body,
        ),
      ),
  );

  app.delete(
    '/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Delete a role',
        description: 'Groups that carried it lose it.',
        params: RoleParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await deleteRole(actingFor(deps, request), organizationOf(request).id, request.params.roleId);
      return reply.code(204).send();
    },
  );
}
