import { listIntegrations } from '../../../directory/integrations/list-integrations.js';
import { integrationInOrganization } from '../../../directory/integrations/integration-in-organization.js';
import { applyIntegrationSettings } from '../../../directory/integrations/apply-integration-settings.js';
import { showIntegrationSettings } from '../../../directory/integrations/show-integration-settings.js';
import {
  createIntegrationInOrganization,
  deleteIntegrationInOrganization,
  rotateTokenInOrganization,
} from '../../../directory/integrations/integration-lifecycle.js';
import { integrationUrl } from '../../../directory/integrations/integration-url.js';
import { setIntegrationPaused } from '../../../directory/integrations/pause-integration.js';
import type { Integration } from '../../../directory/model/integration.js';
import { integrationsActivity } from '../../../directory/provisioning-log/integrations-activity.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { actingFor, organizationOf } from '../admin-context.js';
import { Id, ListOf, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  CreateIntegration,
  DeletedIntegration,
  DeleteIntegrationQuery,
  Integration as IntegrationSchema,
  IntegrationListItem,
  IssuedIntegration,
  IssuedToken,
  RotateToken,
} from '../schemas/integration-schemas.js';
import { SettingsChange, SettingsChanged, SettingsView } from '../schemas/settings-schemas.js';
import { remapJobBody, settingsBody } from './remap-routes.js';

const tags = ['Integrations'];
const IntegrationParams = OrganizationParams({ integrationId: Id });

export function registerIntegrationRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const integrationBody = (integration: Integration) => ({
    id: integration.id,
    organizationId: integration.organizationId,
    name: integration.name,
    idp: integration.idp,
    integrationUrl: integrationUrl(deps.publicBaseUrl, integration.id),
    createdAt: integration.createdAt,
    tokenCreatedAt: integration.tokenCreatedAt,
    tokenExpiresAt: integration.tokenExpiresAt,
    hasValidToken:
      integration.tokenExpiresAt !== null &&
      Date.parse(integration.tokenExpiresAt) > deps.clock.now().getTime(),
    pausedAt: integration.pausedAt,
  });

  app.get(
    '/integrations',
    {
      schema: {
        tags,
        summary: 'List integrations',
        description:
          'Each with its last logged SCIM request and its error rate over the last 24 hours, from one aggregate read of the provisioning log.',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(IntegrationListItem) }, [404]),
      },
    },
    async (request) => {
      const organizationId = organizationOf(request).id;
      const integrations = await listIntegrations(deps, { organizationId });
      const activityOf = await integrationsActivity(deps, organizationId);
      return {
        data: integrations.map((integration) => ({
          ...integrationBody(integration),
          activity: activityOf(integration.id),
        })),
      };
    },
  );

  app.post(
    '/integrations',
    {
      schema: {
        tags,
        summary: 'Create an integration',
        description:
          'Returns the integration URL and its SCIM bearer token. The token is shown in this response only.',
        params: OrganizationParams({}),
        body: CreateIntegration,
        response: responses({ 201: IssuedIntegration }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const { integration, token } = await createIntegrationInOrganization(
        actingFor(deps, request),
        organizationOf(request).id,
        {
          name: request.body.name,
          idp: request.body.idp ?? 'generic',
          tokenLifetimeDays: request.body.tokenLifetimeDays ?? deps.tokenLifetimeDays,
        },
      );
      return reply.code(201).send({ ...integrationBody(integration), token });
    },
  );

  app.get(
    '/integrations/:integrationId',
    {
      schema: {
        tags,
        summary: 'Get an integration',
        description: 'Never includes the token.',
        params: IntegrationParams,
        response: responses({ 200: IntegrationSchema }, [404]),
      },
    },
    async (request) =>
      integrationBody(
        await integrationInOrganization(deps.store, organizationOf(request).id, request.params.integrationId),
      ),
  );

  app.delete(
    '/integrations/:integrationId',
    {
      schema: {
        tags,
        summary: 'Delete an integration',
        description:
          'Its token stops working at once and the SCIM data it provisioned goes. `identities` chooses what happens to the identities it manages.',
        params: IntegrationParams,
        querystring: DeleteIntegrationQuery,
        response: responses({ 200: DeletedIntegration }, [400, 404]),
      },
    },
    async (request) => {
      const action = request.query.identities;
      const { identities } = await deleteIntegrationInOrganization(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.integrationId,
        action,
      );
      return { id: request.params.integrationId, identities: { action, count: identities } };
    },
  );

  app.post(
    '/integrations/:integrationId/token',
    {
      schema: {
        tags,
        summary: 'Rotate the SCIM token',
        description:
          'Issues a new bearer token, shown in this response only. The previous token stops working at once.',
        params: IntegrationParams,
        body: RotateToken,
        response: responses({ 200: IssuedToken }, [400, 404]),
      },
    },
    async (request) => {
      const { token, expiresAt } = await rotateTokenInOrganization(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.integrationId,
        request.body.tokenLifetimeDays ?? deps.tokenLifetimeDays,
      );
      return { token, tokenExpiresAt: expiresAt };
    },
  );

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/integrations/:integrationId/${action}`,
      {
        schema: {
          tags,
          summary: paused ? 'Pause an integration' : 'Resume an integration',
          description: paused
            ? 'Every SCIM request of the integration gets 503 with Retry-After until it is resumed (the IdP retries, so nothing is lost); /ServiceProviderConfig, /ResourceTypes and /Schemas still answer. Pausing a paused integration keeps its pausedAt.'
            : 'Its SCIM requests are served again at once, on every instance.',
          params: IntegrationParams,
          response: responses({ 200: IntegrationSchema }, [404]),
        },
      },
      async (request) =>
        integrationBody(
          await setIntegrationPaused(deps, organizationOf(request).id, request.params.integrationId, paused),
        ),
    );
  }

  app.get(
    '/integrations/:integrationId/settings',
    {
      schema: {
        tags,
        summary: 'Get mapping settings',
        description: 'How the integration turns SCIM users into identities, with the defaults beside them.',
        params: IntegrationParams,
        response: responses({ 200: SettingsView }, [404]),
      },
    },
    async (request) => {
      const view = await showIntegrationSettings(
        deps,
        organizationOf(request).id,
        request.params.integrationId,
      );
      return { settings: settingsBody(view.settings), defaults: settingsBody(view.defaults) };
    },
  );

  app.patch(
    '/integrations/:integrationId/settings',
    {
      schema: {
        tags,
        summary: 'Change mapping settings',
        description:
          'Only the fields given change. New SCIM writes use the settings at once; a remap job is queued to re-derive the identities already synced (watch it under remap-jobs). Preview first with remap-previews.',
        params: IntegrationParams,
        body: SettingsChange,
        response: responses({ 200: SettingsChanged }, [400, 404]),
      },
    },
    async (request) => {
      const { settings, job } = await applyIntegrationSettings(
        actingFor(deps, request),
        organizationOf(request).id,
        request.params.integrationId,
        request.body,
      );
      return { settings: settingsBody(settings), remapJob: remapJobBody(job) };
    },
  );
}
