import { refuseUnstorableText, refuseUnstorableUrlText } from './refuse-unstorable-text.js';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { organizationVisibleTo } from '../../directory/organizations/organization-visible-to.js';
import { adminPrincipalOf } from '../auth/admin-key-auth.js';
import { registerConsoleAccountRoutes } from '../console-account-routes.js';
import { registerConsoleAuthRoutes } from '../console-auth-routes.js';
import { adminAuthentication } from '../console-session-auth.js';
import { registerSetupLinkRoutes } from '../console-setup-link-routes.js';
import { AdminApiError } from './admin-api-error.js';
import type { AdminApiDeps, AdminApp } from './admin-context.js';
import { replyWithAdminError } from './admin-error-reply.js';
import { openApiOptions } from './openapi-document.js';
import { registerAdminKeyRoutes } from './routes/admin-key-routes.js';
import { auditHook, registerAuditRoutes } from './routes/audit-routes.js';
import { registerAuthPolicyRoutes } from './routes/auth-policy-routes.js';
import { registerGroupMappingRoutes } from './routes/group-mapping-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerGroupRoutes } from './routes/group-routes.js';
import { registerProvisioningLogRoutes } from './routes/provisioning-log-routes.js';
import { registerWebhookRoutes } from './routes/webhook-routes.js';
import { registerSecurityEventRoutes } from './routes/security-event-routes.js';
import { registerIdentityRoutes } from './routes/identity-routes.js';
import { registerIntegrationOAuthRoutes } from './routes/integration-oauth-routes.js';
import { registerIntegrationRoutes } from './routes/integration-routes.js';
import { registerJwtSignerRoutes } from './routes/jwt-signer-routes.js';
import { registerOrganizationRoutes } from './routes/organization-routes.js';
import { registerOrganizationSettingsRoutes } from './routes/organization-settings-routes.js';
import { registerRemapRoutes } from './routes/remap-routes.js';
import { registerRoleRoutes } from './routes/role-routes.js';
import { registerSchemaExtensionRoutes } from './routes/schema-extension-routes.js';
import { registerSignInRoutes } from './routes/sign-in-routes.js';

export const ADMIN_API_PREFIX = '/api/v1';
export const ADMIN_DOCS_PREFIX = '/api/docs';

/**
 * The admin API (/api/v1), its OpenAPI 3.1 document (/api/v1/openapi.json) and reference page
 * (/api/docs). Everything here is one encapsulated scope: the swagger collector sees only these routes
 * (never SCIM's), and the error handler that gives the admin error body applies only here.
 */
export async function adminPlugin(app: FastifyInstance, deps: AdminApiDeps): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    if (!deps.store.isTransientFailure(error)) return replyWithAdminError(error, request, reply);
    request.log.warn({ err: error }, 'request not completed: the database is busy or unavailable');
    reply.header('retry-after', '2');
    return replyWithAdminError(
      new AdminApiError(
        503,
        'unavailable',
        'The database cannot complete this request now; nothing was changed. Retry later.',
      ),
      request,
      reply,
    );
  });
  await app.register(swagger, openApiOptions);
  // The page's scripts and styles are served from the package itself: it works with no Internet access.
  await app.register(swaggerUi, {
    routePrefix: ADMIN_DOCS_PREFIX,
    uiConfig: { deepLinking: true, persistAuthorization: false },
    theme: { title: 'Roster admin API reference' },
    validatorUrl: false,
  });
  app.get(`${ADMIN_API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
  // Console sign-in authenticates itself (password, one-time link, cookie): outside the key hook.
  await app.register(
    async (api) => {
      const console = api.withTypeProvider<TypeBoxTypeProvider>();
      console.setValidatorCompiler(TypeBoxValidatorCompiler);
      registerConsoleAuthRoutes(console, deps);
    },
    { prefix: `${ADMIN_API_PREFIX}/console` },
  );
  await app.register(async (api) => adminRoutes(api.withTypeProvider<TypeBoxTypeProvider>(), deps), {
    prefix: ADMIN_API_PREFIX,
  });
}

async function adminRoutes(api: AdminApp, deps: AdminApiDeps): Promise<void> {
  api.setValidatorCompiler(TypeBoxValidatorCompiler);
  api.decorateRequest('adminPrincipal', undefined);
  api.decorateRequest('adminOrganization', undefined);
  api.decorateRequest('consolePrincipal', undefined);
  api.addHook('onRequest', refuseUnstorableUrlText);
  // An admin key, or a console session cookie (with its CSRF token on state-changing calls).
  api.addHook('onRequest', adminAuthentication(deps));
  api.addHook('onSend', auditHook(deps));
  // A POST without a body is an empty object, so an action with optional fields needs no `{}`.
  api.addHook('preValidation', async (request) => {
    if (request.body === undefined && ['POST', 'PUT', 'PATCH'].includes(request.method)) request.body = {};
    refuseUnstorableText(request.body, 'body');
  });
  api.setNotFoundHandler(async (request) => {
    throw new AdminApiError(404, 'not_found', `No endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });

  registerOrganizationRoutes(api, deps);
  registerAdminKeyRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerConsoleAccountRoutes(api, deps);
  await api.register(
    async (scope) => {
      const organization = scope.withTypeProvider<TypeBoxTypeProvider>();
      // Before validation, so another tenant's id is 404 whatever else is wrong with the request.
      organization.addHook('preValidation', async (request: FastifyRequest) => {
        const { organizationId } = request.params as { organizationId: string };
        request.adminOrganization = await organizationVisibleTo(
          deps.store,
          adminPrincipalOf(request),
          organizationId,
        );
      });
      registerOrganizationSettingsRoutes(organization, deps);
      registerIntegrationRoutes(organization, deps);
      registerRemapRoutes(organization, deps);
      registerGroupMappingRoutes(organization, deps);
      registerIdentityRoutes(organization, deps);
      registerGroupRoutes(organization, deps);
      registerRoleRoutes(organization, deps);
      registerSchemaExtensionRoutes(organization, deps);
      registerAuthPolicyRoutes(organization, deps);
      registerJwtSignerRoutes(organization, deps);
      registerIntegrationOAuthRoutes(organization, deps);
      registerSignInRoutes(organization, deps);
      registerSetupLinkRoutes(organization, deps);
      registerEventRoutes(organization, deps);
      registerProvisioningLogRoutes(organization, deps);
      registerWebhookRoutes(organization, deps);
      registerSecurityEventRoutes(organization, deps);
    },
    { prefix: '/organizations/:organizationId' },
  );
}
