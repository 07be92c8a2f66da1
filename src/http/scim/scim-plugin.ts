import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../core/errors.js';
import { authenticateIntegration } from '../../directory/integrations/authenticate-integration.js';
import { integrationUrl } from '../../directory/integrations/integration-url.js';
import type { AppDependencies } from '../app-dependencies.js';
import { bearerTokenFromHeader } from '../auth/bearer-token-header.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { registerResourceRoutes } from './resource-routes.js';
import { scimContextOf } from './scim-request.js';
import { sendScim } from '../scim-reply.js';
import { parseSearchRequest } from '../../core/protocol/search-request.js';
import { searchAllResources } from '../../directory/scim/search-all-resources.js';
import { processBulk } from '../../directory/scim/process-bulk.js';
import { PagePositions } from '../../directory/scim/page-positions.js';
import type { ProvisioningLogWriter } from '../../directory/provisioning-log/provisioning-log-writer.js';
import { registerProvisioningLogHooks } from './provisioning-log-hooks.js';

/** Everything under /scim/v2/:integrationId. Each integration is its own namespace behind its token. */
export async function scimPlugin(
  app: FastifyInstance,
  deps: AppDependencies & { readonly provisioningLog: ProvisioningLogWriter },
): Promise<void> {
  app.decorateRequest('scimContext', undefined);
  registerProvisioningLogHooks(app, deps);
  const pagePositions = new PagePositions();
  app.decorateRequest('scimOAuth', null);

  app.addHook('onRequest', async (request) => {
    const { integrationId } = request.params as { integrationId: string };
    const { scope, settings, oauth } = await authenticateIntegration(
      {
        ...deps,
        onAccessTokenRefused: (refusal) => {
          request.scimAccessTokenRefusal = `${refusal.code}: ${refusal.message}`;
          request.log.info({ code: refusal.code, detail: refusal.message }, 'OAuth access token refused');
        },
      },
      integrationId,
      bearerTokenFromHeader(request.headers.authorization),
    );
    request.scimOAuth = oauth;
    request.scimContext = {
      store: deps.store,
      clock: deps.clock,
      ids: deps.ids,
      scope,
      baseUrl: integrationUrl(deps.publicBaseUrl, scope.integrationId),
      settings: deps.scimSettings,
      integrationSettings: settings,
      pagePositions,
      cause: {
        actor: { kind: 'integration', id: scope.integrationId },
        integrationId: scope.integrationId,
        requestId: request.id,
      },
    };
  });

  registerDiscoveryRoutes(app, deps.capabilities);
  registerResourceRoutes(app, 'User');
  registerResourceRoutes(app, 'Group');
  app.post('/Bulk', { bodyLimit: deps.scimSettings.bulk.maxPayloadSize }, async (request, reply) =>
    sendScim(
      reply,
      200,
      await processBulk(scimContextOf(request), request.body, deps.scimSettings.bulk.maxOperations),
    ),
  );
  app.post('/.search', async (request, reply) =>
    sendScim(reply, 200, await searchAllResources(scimContextOf(request), parseSearchRequest(request.body))),
  );

  app.setNotFoundHandler(async (request) => {
    throw new NotFoundError(`No SCIM endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });
}
