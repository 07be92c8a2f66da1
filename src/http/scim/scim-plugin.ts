import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  IntegrationPausedError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
} from '../../core/errors.js';
import { requestLimiter } from '../rate-limits.js';
import { authenticateIntegration } from '../../directory/integrations/authenticate-integration.js';
import { integrationUrl } from '../../directory/integrations/integration-url.js';
import { integrationResourceTypes } from '../../directory/schema-extensions/integration-resource-types.js';
import type { AppDependencies } from '../app-dependencies.js';
import { bearerTokenFromHeader } from '../auth/bearer-token-header.js';
import { registerDiscoveryRoutes } from './discovery-routes.js';
import { registerResourceRoutes } from './resource-routes.js';
import { queryParameter, scimContextOf } from './scim-request.js';
import type { UserKey } from '../../directory/model/scim-resource.js';
import { userNameInFilterText } from '../../directory/scim/user-read-ahead.js';
import { sendScim } from '../scim-reply.js';
import { parseSearchRequest } from '../../core/protocol/search-request.js';
import { searchAllResources } from '../../directory/scim/search-all-resources.js';
import { processBulk } from '../../directory/scim/process-bulk.js';
import { PagePositions } from '../../directory/scim/page-positions.js';
import { checkStorableJson, unstorableTextReason } from '../../core/resource/storable-text.js';
import type { ProvisioningLogWriter } from '../../directory/provisioning-log/provisioning-log-writer.js';
import { registerProvisioningLogHooks } from './provisioning-log-hooks.js';

/** How long an IdP is told to wait before retrying a paused integration. */
const PAUSED_RETRY_AFTER_SECONDS = 60;
const DISCOVERY = /\/(ServiceProviderConfig|ResourceTypes|Schemas)(\/|$)/;
const isDiscovery = (route: string | undefined) => route !== undefined && DISCOVERY.test(route);

/**
 * The user a route reads, when it asks for it to be read with the credential (`readsUser` in its
 * config): the one its `:id` names, or the one its filter looks up. An id no engine stores alike is
 * refused by the preHandler below, before any read of it.
 */
function userToReadAhead(request: FastifyRequest): UserKey | undefined {
  const reads = request.routeOptions.config.readsUser;
  if (reads === 'byId') {
    const { id } = request.params as { id?: string };
    return id !== undefined && unstorableTextReason(id) === undefined ? { id } : undefined;
  }
  if (reads === 'byFilter') {
    const filter = queryParameter(request, 'filter');
    const userName = filter === undefined ? undefined : userNameInFilterText(filter);
    return userName !== undefined && unstorableTextReason(userName) === undefined ? { userName } : undefined;
  }
  return undefined;
}

/** Everything under /scim/v2/:integrationId. Each integration is its own namespace behind its token. */
export async function scimPlugin(
  app: FastifyInstance,
  deps: AppDependencies & { readonly provisioningLog: ProvisioningLogWriter },
): Promise<void> {
  app.decorateRequest('scimContext', undefined);
  registerProvisioningLogHooks(app, deps);
  const pagePositions = new PagePositions();
  app.decorateRequest('scimOAuth', null);
  const limit = requestLimiter(
    deps.rateLimits?.scimPerSecond ?? 0,
    'integration',
    'ROSTER_RATE_LIMIT_SCIM_PER_SECOND',
  );

  app.addHook('onRequest', async (request) => {
    const { integrationId } = request.params as { integrationId: string };
    // No integration has such an id, and PostgreSQL cannot even look it up: the answer to an unknown one.
    if (unstorableTextReason(integrationId) !== undefined) throw new UnauthorizedError();
    const { scope, settings, oauth, pausedAt, schemaGeneration, userReadAhead } =
      await authenticateIntegration(
        {
          // Only what authentication uses, not a copy of every dependency per request.
          store: deps.store,
          clock: deps.clock,
          signIn: deps.signIn,
          onAccessTokenRefused: (refusal) => {
            request.scimAccessTokenRefusal = `${refusal.code}: ${refusal.message}`;
            request.log.info({ code: refusal.code, detail: refusal.message }, 'OAuth access token refused');
          },
        },
        integrationId,
        bearerTokenFromHeader(request.headers.authorization),
        userToReadAhead(request),
      );
    // Counted after authentication: requests with a wrong token cannot use up an integration's limit.
    if (limit) {
      const exceeded = await limit(scope.integrationId);
      if (exceeded) throw new RateLimitedError(exceeded.detail, exceeded.retryAfterSeconds);
    }
    // After authentication, so a pause reveals nothing to callers without the token. Discovery still
    // answers: an IdP checking the connection should see the service, not an outage.
    if (pausedAt !== null && !isDiscovery(request.routeOptions.url)) {
      throw new IntegrationPausedError(PAUSED_RETRY_AFTER_SECONDS);
    }
    request.scimOAuth = oauth;
    const resourceTypes = await integrationResourceTypes(
      deps.store,
      scope,
      settings.schemaExtensions,
      schemaGeneration,
    );
    request.scimContext = {
      resourceTypes,
      store: deps.store,
      clock: deps.clock,
      ids: deps.ids,
      scope,
      baseUrl: integrationUrl(deps.publicBaseUrl, scope.integrationId),
      settings: deps.scimSettings,
      integrationSettings: settings,
      pagePositions,
      userReadAhead,
      cause: {
        actor: { kind: 'integration', id: scope.integrationId },
        integrationId: scope.integrationId,
        requestId: request.id,
      },
    };
  });

  // Text no engine stores alike (NUL, lone surrogates) and over-long values are refused before any
  // database work, in the URL's resource id and anywhere in a body, the same way on SQLite and
  // PostgreSQL (docs/errors.md). A /.search body is a query, not a resource: its strings are not values.
  const maxValueBytes = deps.scimSettings.inputLimits.maxValueBytes;
  // Callback style (a thrown error reaches the error handler): no promise per request.
  app.addHook('preHandler', (request, _reply, done) => {
    const { id } = request.params as { id?: string };
    if (id !== undefined)
      checkStorableJson(id, { maxValueBytes: undefined, label: 'The resource id in the URL' });
    if (request.body !== undefined) {
      const isSearch = request.routeOptions.url?.endsWith('/.search') === true;
      checkStorableJson(request.body, {
        maxValueBytes: isSearch ? undefined : maxValueBytes,
        label: 'The request body',
      });
    }
    done();
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
