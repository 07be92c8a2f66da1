import { addGroupMapping } from '../../../directory/admin/add-group-mapping.js';
import { listGroupMappings, type GroupMappingView } from '../../../directory/admin/list-group-mappings.js';
import { removeGroupMapping } from '../../../directory/admin/remove-group-mapping.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import { CreateGroupMapping, GroupMapping } from '../schemas/group-schemas.js';

const tags = ['Groups'];
const IntegrationParams = OrganizationParams({ integrationId: Id });

function mappingBody(view: GroupMappingView) {
  return {
    id: view.id,
    integrationId: view.integrationId,
    matchBy: view.matchBy,
    idpGroup: view.idpGroup,
    idpGroupName: view.idpGroupName ?? null,
    directoryGroupId: view.directoryGroupId,
    directoryGroupName: view.directoryGroupName,
    automatic: view.automatic,
  };
}

export function registerGroupMappingRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/integrations/:integrationId/group-mappings',
    {
      schema: {
        tags,
        summary: 'List group mappings',
        description: 'How the IdP groups of this integration map to directory groups.',
        params: IntegrationParams,
        response: responses({ 200: ListOf(GroupMapping) }, [404]),
      },
    },
    async (request) => ({
      data: (
        await listGroupMappings(deps.store, organizationOf(request).id, request.params.integrationId)
      ).map(mappingBody),
    }),
  );

  app.post(
    '/integrations/:integrationId/group-mappings',
    {
      schema: {
        tags,
        summary: 'Map an IdP group to a directory group',
        description:
          'Replaces an automatic mapping of the same IdP group; an explicit one is a conflict. Identities already synced move when the integration is next remapped.',
        params: IntegrationParams,
        body: CreateGroupMapping,
        response: responses({ 201: GroupMapping }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const { mapping, group } = await addGroupMapping(
        deps,
        organizationOf(request).id,
        request.params.integrationId,
        request.body,
      );
      return reply.code(201).send(
        mappingBody({
          ...mapping,
          directoryGroupName: group.name,
          idpGroupName: mapping.matchBy === 'displayName' ? undefined : request.body.idpGroupName,
        }),
      );
    },
  );

  app.delete(
    '/integrations/:integrationId/group-mappings/:mappingId',
    {
      schema: {
        tags,
        summary: 'Remove a group mapping',
        description: 'The directory group stays; identities leave it when the integration is next remapped.',
        params: OrganizationParams({ integrationId: Id, mappingId: Id }),
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await removeGroupMapping(
        deps.store,
        organizationOf(request).id,
        request.params.integrationId,
        request.params.mappingId,
      );
      return reply.code(204).send();
    },
  );
}
