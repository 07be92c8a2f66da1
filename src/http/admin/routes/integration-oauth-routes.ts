import {
  integrationOAuth,
  setIntegrationOAuth,
} from '../../../directory/integrations/set-integration-oauth.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import { IntegrationOAuth, IntegrationOAuthView } from '../schemas/sign-in-schemas.js';

const tags = ['Integrations'];
const IntegrationParams = OrganizationParams({ integrationId: Id });

/** OAuth 2.0 JWT access tokens (RFC 9068) for an integration's SCIM endpoint, besides its static token. */
export function registerIntegrationOAuthRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/integrations/:integrationId/oauth',
    {
      schema: {
        tags,
        summary: 'Get the OAuth access-token settings',
        params: IntegrationParams,
        response: responses({ 200: IntegrationOAuthView }, [404]),
      },
    },
    async (request) => ({
      oauth: await integrationOAuth(deps, organizationOf(request).id, request.params.integrationId),
    }),
  );

  app.put(
    '/integrations/:integrationId/oauth',
    {
      schema: {
        tags,
        summary: 'Accept OAuth access tokens',
        description:
          'The SCIM endpoint then also accepts JWT access tokens (RFC 9068) from this issuer for this audience, signed by a key of this JWKS; the static bearer token keeps working. Takes effect at once on every instance.',
        params: IntegrationParams,
        body: IntegrationOAuth,
        response: responses({ 200: IntegrationOAuthView }, [400, 404]),
      },
    },
    async (request) => ({
      oauth: await setIntegrationOAuth(
        deps,
        organizationOf(request).id,
        request.params.integrationId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/integrations/:integrationId/oauth',
    {
      schema: {
        tags,
        summary: 'Stop accepting OAuth access tokens',
        description: 'Only the static bearer token works from now on.',
        params: IntegrationParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await setIntegrationOAuth(deps, organizationOf(request).id, request.params.integrationId, null);
      return reply.code(204).send();
    },
  );
}
