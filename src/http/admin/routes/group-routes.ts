import { assignGroupRoles } from '../../../directory/groups/assign-group-roles.js';
import { createDirectoryGroup } from '../../../directory/groups/create-directory-group.js';
import { deleteDirectoryGroup } from '../../../directory/groups/delete-directory-group.js';
import { listDirectoryGroups } from '../../../directory/groups/list-directory-groups.js';
import { renameDirectoryGroup } from '../../../directory/groups/rename-directory-group.js';
import { directoryGroupInOrganization } from '../../../directory/organizations/find-in-organization.js';
import type { DirectoryGroup } from '../../../directory/model/directory-group.js';
import type { Role } from '../../../directory/model/role.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { actingFor, organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, PageOf, responses } from '../schemas/common-schemas.js';
import {
  CreateGroup,
  DirectoryGroup as GroupSchema,
  GroupRoles,
  UpdateGroup,
} from '../schemas/group-schemas.js';
import { Identity, MembersQuery } from '../schemas/identity-schemas.js';
import { identityPage } from './identity-body.js';

const tags = ['Groups'];
const GroupParams = OrganizationParams({ groupId: Id });

export function groupBody(group: DirectoryGroup & { readonly roles: readonly Role[] }) {
  return {
    id: group.id,
    organizationId: group.organizationId,
    name: group.name,
    createdAt: group.createdAt,
    roles: group.roles.map((role) => ({ id: role.id, name: role.name })),
  };
}

export function registerGroupRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/groups',
    {
      schema: {
        tags,
        summary: 'List directory groups',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(GroupSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listDirectoryGroups(deps, organizationOf(request).id)).map(groupBody),
    }),
  );

  app.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Create a directory group',
        description: 'Names are unique per organization, in any case.',
        params: OrganizationParams({}),
        body: CreateGroup,
        response: responses({ 201: GroupSchema }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const group = await createDirectoryGroup(
        actingFor(deps, request),
        organizationOf(request).id,
        request.body.name,
      );
      return reply.code(201).send(groupBody({ ...group, roles: [] }));
    },
  );

  app.get(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Get a directory group',
        params: GroupParams,
        response: responses({ 200: GroupSchema }, [404]),
      },
    },
    async (request) =>
      groupBody(
        await directoryGroupInOrganization(deps.store, organizationOf(request).id, request.params.groupId),
      ),
  );

  app.patch(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Rename a directory group',
        description:
          'Names are unique per organization, in any case. Its id stays, so do its mappings, members and roles.',
        params: GroupParams,
        body: UpdateGroup,
        response: responses({ 200: GroupSchema }, [400, 404, 409]),
      },
    },
    async (request) => {
      const organizationId = organizationOf(request).id;
      const renamed = await renameDirectoryGroup(
        actingFor(deps, request),
        organizationId,
        request.params.groupId,
        request.body.name,
      );
      return groupBody(await directoryGroupInOrganization(deps.store, organizationId, renamed.id));
    },
  );

  app.delete(
    '/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Delete a directory group',
        description:
          'Its mappings, role grants and memberships go with it; an IdP group mapped to it counts as unmapped from the next sync.',
        params: GroupParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await deleteDirectoryGroup(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.groupId,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/groups/:groupId/members',
    {
      schema: {
        tags,
        summary: 'List the members of a directory group',
        description: 'Identities, paged like the identity list.',
        params: GroupParams,
        querystring: MembersQuery,
        response: responses({ 200: PageOf(Identity) }, [400, 404]),
      },
    },
    async (request) => {
      const { limit, cursor, status } = request.query;
      return identityPage(
        deps,
        organizationOf(request).id,
        { groupId: request.params.groupId, status },
        { limit, cursor },
      );
    },
  );

  app.put(
    '/groups/:groupId/roles',
    {
      schema: {
        tags,
        summary: "Set a directory group's roles",
        description: 'Every member has these roles at once.',
        params: GroupParams,
        body: GroupRoles,
        response: responses({ 200: GroupSchema }, [400, 404]),
      },
    },
    async (request) => {
      const { group, roles } = await assignGroupRoles(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.groupId,
        request.body.roles,
      );
      return groupBody({ ...group, roles });
    },
  );
}
