import type { FastifyReply, FastifyRequest } from 'fastify';
import { listAuditLog } from '../../../directory/audit/list-audit-log.js';
import { recordAdminAction } from '../../../directory/audit/record-admin-action.js';
import { adminPrincipalOf } from '../../auth/admin-key-auth.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { AuditEntry, AuditQuery } from '../schemas/audit-schemas.js';
import { PageOf, responses } from '../schemas/common-schemas.js';

const tags = ['Audit log'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Calls an app makes for its users (verifying a sign-in, sessions), not administration.
const APP_CALLS = /\/(auth\/verify|sessions)(\/|$)/;

/**
 * Records every admin action (each request that may change something, whatever its outcome) as its
 * answer is about to be sent, so a client that has the answer finds the entry: who (the key), what (method and route), on what (the route parameters; never the
 * body, which may carry secrets), where from, under which request id. A failure to record is logged;
 * the action itself already happened.
 */
export function auditHook(deps: AdminApiDeps) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (READS.has(request.method) || !request.adminPrincipal) return payload;
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
    if (APP_CALLS.test(route)) return payload;
    const principal = request.adminPrincipal;
    const params = (request.params ?? {}) as Record<string, string>;
    try {
      await recordAdminAction(deps, {
        organizationId: request.adminOrganization?.id ?? params.organizationId ?? principal.organizationId,
        actor: { kind: 'admin_key', id: principal.keyId, name: principal.name },
        action: `${request.method} ${route}`,
        target: Object.keys(params).length > 0 ? { ...params } : null,
        outcome: reply.statusCode,
        address: request.ip,
        requestId: request.id,
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not record an admin action in the audit log');
    }
    return payload;
  };
}

export function registerAuditRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'List admin actions',
        description:
          'Every admin action through this API and the CLI, newest first. An organization key sees its own organization only.',
        querystring: AuditQuery,
        response: responses({ 200: PageOf(AuditEntry) }, [400]),
      },
    },
    async (request) => {
      const principal = adminPrincipalOf(request);
      const { organizationId, actor, action, since, until, cursor, limit } = request.query;
      // An organization's key is held to its organization, whatever it asks for.
      const scope = principal.organizationId ?? organizationId;
      const page = await listAuditLog(deps, {
        ...(scope !== undefined ? { organizationId: scope } : {}),
        ...(actor !== undefined ? { actorId: actor } : {}),
        ...(action !== undefined ? { action } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return {
        data: page.entries.map((e) => ({ ...e, actor: { ...e.actor }, target: e.target })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
