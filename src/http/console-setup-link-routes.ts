import { consoleLinkUrl } from '../directory/console-accounts/issue-console-link.js';
import type { ConsoleLink } from '../directory/model/console-account.js';
import {
  createSetupLink,
  listSetupLinks,
  regenerateSetupLink,
  revokeSetupLink,
} from '../directory/setup-links/manage-setup-links.js';
import { setupLinkStatus } from '../directory/setup-links/setup-link-status.js';
import type { AdminApiDeps, AdminApp } from './admin/admin-context.js';
import { organizationOf } from './admin/admin-context.js';
import { Id, ListOf, OrganizationParams, responses } from './admin/schemas/common-schemas.js';
import { CreateSetupLink, IssuedSetupLink, SetupLink } from './console-schemas.js';
import { refuseSetupSession } from './console-session-auth.js';

const tags = ['Setup links'];
const LinkParams = OrganizationParams({ linkId: Id });

/**
 * /api/v1/organizations/{organizationId}/setup-links: links an app hands to its customer's IT admin to
 * connect their own identity provider, in a console limited to this organization, without an account.
 */
export function registerSetupLinkRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const linkBody = (link: ConsoleLink) => ({
    id: link.id,
    organizationId: link.organizationId ?? '',
    label: link.label,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    usedAt: link.usedAt,
    revokedAt: link.revokedAt,
    status: setupLinkStatus(link, deps.clock.now()),
  });
  const issuedBody = (issued: { link: ConsoleLink; token: string }) => ({
    ...linkBody(issued.link),
    url: consoleLinkUrl(deps.publicBaseUrl, 'setup', issued.token),
  });

  app.get(
    '/setup-links',
    {
      schema: {
        tags,
        summary: 'List setup links',
        description: 'Newest first, with their status; never the link itself.',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(SetupLink) }, [403, 404]),
      },
    },
    async (request) => {
      refuseSetupSession(request);
      const scope = { organizationId: organizationOf(request).id };
      return { data: (await listSetupLinks(deps, scope)).map(linkBody) };
    },
  );

  app.post(
    '/setup-links',
    {
      schema: {
        tags,
        summary: 'Create a setup link',
        description:
          'The link (`url`) is in this response only. It opens a console for this organization without an account, once: the first use spends it.',
        params: OrganizationParams({}),
        body: CreateSetupLink,
        response: responses({ 201: IssuedSetupLink }, [400, 403, 404]),
      },
    },
    async (request, reply) => {
      refuseSetupSession(request);
      const issued = await createSetupLink(
        deps,
        { organizationId: organizationOf(request).id },
        request.body,
      );
      return reply.code(201).send(issuedBody(issued));
    },
  );

  app.post(
    '/setup-links/:linkId/regenerate',
    {
      schema: {
        tags,
        summary: 'Regenerate a setup link',
        description:
          'Revokes this link (and ends its sessions) and answers a new one with the same label and lifetime.',
        params: LinkParams,
        response: responses({ 201: IssuedSetupLink }, [403, 404]),
      },
    },
    async (request, reply) => {
      refuseSetupSession(request);
      const scope = { organizationId: organizationOf(request).id };
      return reply.code(201).send(issuedBody(await regenerateSetupLink(deps, scope, request.params.linkId)));
    },
  );

  app.delete(
    '/setup-links/:linkId',
    {
      schema: {
        tags,
        summary: 'Revoke a setup link',
        description: 'It no longer opens, and the sessions it opened end at once.',
        params: LinkParams,
        response: responses({ 200: SetupLink }, [403, 404]),
      },
    },
    async (request) => {
      refuseSetupSession(request);
      const scope = { organizationId: organizationOf(request).id };
      return linkBody(await revokeSetupLink(deps, scope, request.params.linkId));
    },
  );
}
