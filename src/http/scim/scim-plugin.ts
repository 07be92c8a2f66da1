import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../core/errors.js';
import { authenticateIntegration } from '../../directory/integrations/authenticate-integration.js';
import { integrationUrl } from '../../directory/integrations/integration-url.js';
import type { AppDependencies } from '../app-dependencies.js';
import { bearerTokenFromHeader } from '../auth/bearer-token-header.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { registerResourceRoutes } from './resource-routes.js';

/** Everything under /scim/v2/:integrationId. Each integration is its own namespace behind its token. */
export async function scimPlugin(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  app.decorateRequest('scimContext', undefined);

  app.addHook('onRequest', async (request) => {
    const { integrationId } = request.params as { integrationId: string };
    const scope = await authenticateIntegration(
      deps,
      integrationId,
      bearerTokenFromHeader(request.headers.authorization),
    );
    request.scimContext = {
      store: deps.store,
      clock: deps.clock,
      ids: deps.ids,
      scope,
      baseUrl: integrationUrl(deps.publicBaseUrl, scope.integrationId),
    };
  });

  registerDiscoveryRoutes(app, deps.capabilities);
  const limits = {
    defaultPageSize: deps.capabilities.pagination.defaultPageSize,
    maxPageSize: deps.capabilities.pagination.maxPageSize,
  };
  registerResourceRoutes(app, 'User', limits);
  registerResourceRoutes(app, 'Group', limits);

  app.setNotFoundHandler(async (request) => {
    throw new NotFoundError(`No SCIM endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });
}
