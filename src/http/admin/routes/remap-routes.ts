import { Type } from 'typebox';
import { previewAddGroupMapping } from '../../../directory/groups/add-group-mapping.js';
import { InvalidDirectoryInput } from '../../../directory/directory-error.js';
import { listRemapJobs } from '../../../directory/remap/list-remap-jobs.js';
import { previewIntegrationRemap } from '../../../directory/remap/preview-integration-remap.js';
import { previewIntegrationSettings } from '../../../directory/integrations/preview-integration-settings.js';
import { previewRemoveGroupMapping } from '../../../directory/groups/remove-group-mapping.js';
import { remapJobInOrganization } from '../../../directory/remap/remap-job-in-organization.js';
import { showIntegrationSettings } from '../../../directory/integrations/show-integration-settings.js';
import { startIntegrationRemap } from '../../../directory/remap/start-integration-remap.js';
import {
  identityNameChain,
  type IntegrationSettings,
} from '../../../directory/model/integration-settings.js';
import type { RemapPreview as Preview } from '../../../directory/remap/preview-remap.js';
import type { RemapJob } from '../../../directory/model/remap-job.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, ListOf, OrganizationParams, responses } from '../schemas/common-schemas.js';
import { CreateGroupMapping } from '../schemas/group-schemas.js';
import { RemapJob as RemapJobSchema, RemapPreview } from '../schemas/remap-schemas.js';
import { Settings, SettingsChange } from '../schemas/settings-schemas.js';

const tags = ['Remapping'];
const IntegrationParams = OrganizationParams({ integrationId: Id });

export function remapJobBody(job: RemapJob) {
  return {
    id: job.id,
    organizationId: job.organizationId,
    integrationId: job.integrationId,
    status: job.status,
    total: job.total,
    processed: job.processed,
    changed: job.changed,
    collisions: job.collisions,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export function settingsBody(settings: IntegrationSettings) {
  return {
    ...settings,
    // The effective chain (userName last), whether the settings list their own or take the default.
    identityNameFallback: identityNameChain(settings).slice(1),
    signInExternalId: { ...settings.signInExternalId },
    attributeSources: { ...settings.attributeSources },
  };
}

function previewBody(preview: Preview) {
  return {
    total: preview.total,
    changed: preview.changed,
    byField: { ...preview.byField },
    collisions: preview.collisions.map((c) => ({ ...c })),
    sample: preview.sample.map((change) => ({
      identityId: change.identityId,
      scimResourceId: change.scimResourceId,
      fields: [...change.fields],
      before: { ...change.before, attributes: [...change.before.attributes] },
      after: { ...change.after, attributes: [...change.after.attributes] },
    })),
  };
}

export function registerRemapRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.post(
    '/integrations/:integrationId/remap-previews',
    {
      schema: {
        tags,
        summary: 'Preview a remap (dry run)',
        description:
          'What re-deriving the identities would change: under the current settings and mappings, or under one change that is not saved: `settings` (a settings change), `addGroupMapping` (a mapping as POST group-mappings takes it) or `removeGroupMappingId`. Writes nothing.',
        params: IntegrationParams,
        body: Type.Object(
          {
            settings: Type.Optional(SettingsChange),
            addGroupMapping: Type.Optional(CreateGroupMapping),
            removeGroupMappingId: Type.Optional(Id),
          },
          { additionalProperties: false, description: 'At most one of the three.' },
        ),
        response: responses(
          {
            200: Type.Object({ settings: Settings, preview: RemapPreview }, { additionalProperties: false }),
          },
          [400, 404],
        ),
      },
    },
    async (request) => {
      const organizationId = organizationOf(request).id;
      const { integrationId } = request.params;
      const { settings: change, addGroupMapping, removeGroupMappingId } = request.body;
      const given = [change, addGroupMapping, removeGroupMappingId].filter((c) => c !== undefined);
      if (given.length > 1) {
        throw new InvalidDirectoryInput('invalid_preview', [
          'Give at most one of settings, addGroupMapping and removeGroupMappingId.',
        ]);
      }
      if (addGroupMapping || removeGroupMappingId !== undefined) {
        const { preview } = addGroupMapping
          ? await previewAddGroupMapping(deps, organizationId, integrationId, addGroupMapping)
          : await previewRemoveGroupMapping(deps, organizationId, integrationId, removeGroupMappingId ?? '');
        const { settings } = await showIntegrationSettings(deps, organizationId, integrationId);
        return { settings: settingsBody(settings), preview: previewBody(preview) };
      }
      if (change) {
        const { settings, preview } = await previewIntegrationSettings(
          deps,
          organizationId,
          integrationId,
          change,
        );
        return { settings: settingsBody(settings), preview: previewBody(preview) };
      }
      const preview = await previewIntegrationRemap(deps, organizationId, integrationId);
      const { settings } = await showIntegrationSettings(deps, organizationId, integrationId);
      return { settings: settingsBody(settings), preview: previewBody(preview) };
    },
  );

  app.post(
    '/integrations/:integrationId/remap-jobs',
    {
      schema: {
        tags,
        summary: 'Start a remap',
        description:
          'Queues a job that re-derives every identity of the integration under its current settings and group mappings; a server worker carries it out.',
        params: IntegrationParams,
        response: responses({ 202: RemapJobSchema }, [404]),
      },
    },
    async (request, reply) => {
      const job = await startIntegrationRemap(deps, organizationOf(request).id, request.params.integrationId);
      return reply.code(202).send(remapJobBody(job));
    },
  );

  app.get(
    '/integrations/:integrationId/remap-jobs',
    {
      schema: {
        tags,
        summary: 'List remap jobs',
        description: 'Newest first.',
        params: IntegrationParams,
        response: responses({ 200: ListOf(RemapJobSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listRemapJobs(deps, organizationOf(request).id, request.params.integrationId)).map(
        remapJobBody,
      ),
    }),
  );

  app.get(
    '/remap-jobs/:jobId',
    {
      schema: {
        tags,
        summary: 'Get a remap job (progress)',
        params: OrganizationParams({ jobId: Id }),
        response: responses({ 200: RemapJobSchema }, [404]),
      },
    },
    async (request) =>
      remapJobBody(
        await remapJobInOrganization(deps.store, organizationOf(request).id, request.params.jobId),
      ),
  );
}
