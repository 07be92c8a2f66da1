import { addGroupMapping } from '../../../directory/groups/add-group-mapping.js';
import { listGroupMappings, type GroupMappingView } from '../../../directory/groups/list-group-mappings.js';
import { removeGroupMapping } from '../../../directory/groups/remove-group-mapping.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { actingFor, organizationOf } from '../admin-context.js';
import { Id, ListOf, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  AddedGroupMapping,
  CreateGroupMapping,
  GroupMapping,
  RemovedGroupMapping,
} from '../schemas/group-schemas.js';
import { remapJobBody } from './remap-routes.js';

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
      data: (await listGroupMappings(deps, organizationOf(request).id, request.params.integrationId)).map(
        mappingBody,
      ),
    }),
  );

  app.post(
    '/integrations/:integrationId/group-mappings',
    {
      schema: {
        tags,
        summary: 'Map an IdP group to a directory group',
        description:
          'Replaces an automatic mapping of the same IdP group; an explicit one is a conflict. A remap job, queued in the same transaction, moves the identities already synced (preview it first with remap-previews and `addGroupMapping`).',
        params: IntegrationParams,
        body: CreateGroupMapping,
        response: responses({ 201: AddedGroupMapping }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const { mapping, group, job } = await addGroupMapping(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.integrationId,
        request.body,
      );
      return reply.code(201).send({
        ...mappingBody({
          ...mapping,
          directoryGroupName: group.name,
          idpGroupName: mapping.matchBy === 'displayName' ? undefined : request.body.idpGroupName,
        }),
        remapJob: remapJobBody(job),
      });
    },
  );

  app.delete(
    '/integrations/:integrationId/group-mappings/:mappingId',
    {
      schema: {
        tags,
        summary: 'Remove a group mapping',
        description:
          'The directory group stays; a remap job, queued in the same transaction, takes the identities already synced out of it (preview it first with remap-previews and `removeGroupMappingId`).',
        params: OrganizationParams({ integrationId: Id, mappingId: Id }),
        response: responses({ 200: RemovedGroupMapping }, [404]),
      },
    },
    async (request) => {
      const { mapping, job } = await removeGroupMapping(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.integrationId,
        request.params.mappingId,
      );
      return { id: mapping.id, remapJob: remapJobBody(job) };
    },
  );
}
