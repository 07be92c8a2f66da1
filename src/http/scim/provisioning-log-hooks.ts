import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { explainAuthFailure } from '../../directory/provisioning-log/explain-auth-failure.js';
import type {
  PendingLogEntry,
  ProvisioningLogWriter,
} from '../../directory/provisioning-log/provisioning-log-writer.js';
import type { Clock, IdSource } from '../../directory/ports/clock.js';
import type { DirectoryStore } from '../../directory/ports/directory-store.js';
import type { IntegrationScope } from '../../directory/model/scope.js';
import { bearerTokenFromHeader } from '../auth/bearer-token-header.js';
import { redactUrl } from '../redact-url.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** scimType and detail of the SCIM error this request was answered with (set by replyWithScimError). */
    scimFailure: { scimType: string | null; detail: string | null } | undefined;
    /** Why an OAuth access token was refused (for the provisioning log only). */
    scimAccessTokenRefusal: string | undefined;
  }
}

const MAX_PATH = 2000;
const RESOURCE = /\/scim\/v2\/[^/]+\/(Users|Groups)(?:\/([^/?]+))?/i;

export interface ProvisioningLogHookDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly provisioningLog: ProvisioningLogWriter;
}

/**
 * Every SCIM request goes to the provisioning log once answered: `onResponse` runs after the response
 * is sent and only queues the entry (ProvisioningLogWriter writes batches), so the request pays for an
 * object allocation. A refused request is explained (which token problem) after the response too.
 */
export function registerProvisioningLogHooks(app: FastifyInstance, deps: ProvisioningLogHookDeps): void {
  app.decorateRequest('scimFailure', undefined);
  app.decorateRequest('scimAccessTokenRefusal', undefined);

  // Callback style: the hook queues and returns; an async one would cost a promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    recordRequest(deps, request, reply);
    done();
  });
}

function recordRequest(deps: ProvisioningLogHookDeps, request: FastifyRequest, reply: FastifyReply): void {
  const context = request.scimContext;
  if (context) {
    deps.provisioningLog.record(entryOf(deps, request, reply, context.scope));
    return;
  }
  if (reply.statusCode !== 401) return;
  const entry = entryOf(deps, request, reply, { organizationId: '', integrationId: '' });
  const { integrationId } = request.params as { integrationId: string };
  const authorization = request.headers.authorization;
  explainAuthFailure(
    deps,
    deps.clock.now(),
    integrationId,
    authorization,
    bearerTokenFromHeader(authorization),
    request.scimAccessTokenRefusal,
  )
    .then((explained) => {
      if (!explained) return;
      deps.provisioningLog.record({
        ...entry,
        organizationId: explained.scope.organizationId,
        integrationId: explained.scope.integrationId,
        authFailure: explained.failure,
        reason: explained.reason,
      });
    })
    .catch((error: unknown) => request.log.warn({ err: error }, 'could not explain a refused SCIM request'));
}

function entryOf(
  deps: ProvisioningLogHookDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: IntegrationScope,
): PendingLogEntry {
  const durationMs = reply.elapsedTime;
  const match = RESOURCE.exec(request.url);
  const location = reply.getHeader('location');
  const created = typeof location === 'string' ? location.slice(location.lastIndexOf('/') + 1) : undefined;
  const resourceId = match?.[2] ?? (reply.statusCode === 201 ? created : undefined);
  const failure = request.scimFailure;
  return {
    id: deps.ids.newId(),
    organizationId: scope.organizationId,
    integrationId: scope.integrationId,
    requestId: request.id,
    occurredAt: new Date(Date.now() - durationMs).toISOString(),
    method: request.method,
    // Query values are redacted as in the server log: filters carry userNames and emails, and a token
    // may come as access_token (RFC 6750 §2.3).
    path: redactUrl(request.url).slice(0, MAX_PATH),
    status: reply.statusCode,
    scimType: failure?.scimType ?? null,
    durationMs: Math.round(durationMs * 1000) / 1000,
    resourceType: match ? (match[1]?.toLowerCase() === 'users' ? 'User' : 'Group') : null,
    resourceId: resourceId ? decodedSegment(resourceId) : null,
    body: request.body,
    reason: failure?.detail ?? null,
    authFailure: null,
  };
}

/** A path segment as its text (ids are plain UUIDs nearly always: nothing to decode). */
function decodedSegment(segment: string): string {
  return segment.includes('%') ? decodeURIComponent(segment) : segment;
}
