import { listProvisioningLog } from '../../../directory/provisioning-log/list-provisioning-log.js';
import type { ProvisioningLogRecord } from '../../../directory/model/provisioning-log-entry.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { OrganizationParams, responses } from '../schemas/common-schemas.js';
import { ProvisioningLogPage, ProvisioningLogQuery } from '../schemas/provisioning-log-schemas.js';

export function provisioningLogBody(entry: ProvisioningLogRecord) {
  return {
    id: entry.id,
    integrationId: entry.integrationId,
    requestId: entry.requestId,
    occurredAt: entry.occurredAt,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    scimType: entry.scimType,
    durationMs: entry.durationMs,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    requestBody: entry.requestBody,
    reason: entry.reason,
    authFailure: entry.authFailure,
    eventIds: [...entry.eventIds],
  };
}

export function registerProvisioningLogRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/provisioning-log',
    {
      schema: {
        tags: ['Provisioning log'],
        summary: 'Search the SCIM requests of the organization’s integrations',
        description:
          'Newest first. Every SCIM request, refused ones included (with why: never the token), with its status, scimType, duration, the resource it touched, its body with passwords redacted, the reason of a failure and the events it produced. Written in batches a moment after each request.',
        params: OrganizationParams({}),
        querystring: ProvisioningLogQuery,
        response: responses({ 200: ProvisioningLogPage }, [400, 404]),
      },
    },
    async (request) => {
      const { cursor, limit, ...filters } = request.query;
      const page = await listProvisioningLog(
        deps,
        { organizationId: organizationOf(request).id },
        { ...filters, beforeId: cursor, limit: limit ?? 50 },
      );
      return { data: page.entries.map(provisioningLogBody), nextCursor: page.nextCursor };
    },
  );
}
