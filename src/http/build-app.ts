import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { redactUrl } from './redact-url.js';
import { refuseQueryToken, setSecurityHeaders } from './security-headers.js';
import { NotFoundError } from '../core/errors.js';
import type { AppDependencies } from './app-dependencies.js';
import { adminPlugin } from './admin/admin-plugin.js';
import { replyWithScimError } from './scim-error-reply.js';
import { requestIdOf } from './request-id.js';
import { scimPlugin } from './scim/scim-plugin.js';
import { consolePlugin } from './console-plugin.js';
import { defaultSignInSettings, signInServices } from '../directory/sign-in/sign-in-settings.js';
import { ProvisioningLogWriter } from '../directory/provisioning-log/provisioning-log-writer.js';
import { redactedAttributes } from '../directory/provisioning-log/redact-body.js';
import { createSecretCipher, generateSecretKey } from '../directory/secrets/secret-cipher.js';
import { defaultWebhookTiming } from '../directory/webhooks/webhook-settings.js';
import { registerMetrics } from './metrics.js';
import { registerSecurityEventJwksRoute } from './security-event-jwks-route.js';

/** What a request log line says about the request (Fastify's own fields, the URL redacted). */
function loggedRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

const READY_DEADLINE_MS = 800;

const bodylessMethods = new Set(['GET', 'HEAD', 'DELETE']);

/** Builds the HTTP app from its dependencies. It never listens and never reads the environment. */
export async function buildApp(given: AppDependencies): Promise<FastifyInstance> {
  const ownLog = given.provisioningLog
    ? undefined
    : new ProvisioningLogWriter(given.store, { redacted: redactedAttributes([]) });
  const deps = {
    ...given,
    signIn: given.signIn ?? signInServices(given.clock, defaultSignInSettings),
    provisioningLog: given.provisioningLog ?? (ownLog as ProvisioningLogWriter),
    webhooks: given.webhooks ?? {
      cipher: createSecretCipher({ keys: [generateSecretKey()] }),
      allowPrivateUrls: false,
      publicBaseUrl: given.publicBaseUrl,
      ...defaultWebhookTiming,
    },
  };
  const app = Fastify({
    // Request URLs are logged with query values redacted: filters carry personal data (redact-url.ts).
    loggerInstance: deps.logger.child({}, { serializers: { req: loggedRequest } }),
    bodyLimit: deps.bodyLimitBytes,
    // Allow `/Users/` and `/Users` alike; IdPs are inconsistent.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: true },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Request ids: the caller's x-request-id when sane, else a new one; in every log line and response.
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  if (ownLog) app.addHook('onClose', () => ownLog.close());
  if (deps.metrics) registerMetrics(app, deps.metrics.registry, deps.metrics.token);
  // Callback-style hooks: an async one costs every request a promise and a microtask turn (issue 15).
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    setSecurityHeaders(request, reply);
    done(null, payload);
  });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      refuseQueryToken(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  // Some clients send Content-Type on every request: a DELETE or GET with the header and no body is
  // simply a request without a body, not malformed JSON.
  const parseBody: typeof parseJson = (request, body, done) => {
    if (body.length === 0 && bodylessMethods.has(request.method)) return done(null, undefined);
    return parseJson(request, body, done);
  };
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(['application/json', 'application/scim+json'], { parseAs: 'string' }, parseBody);
  // SCIM bodies are JSON; anything else is 415, not a string handed to the use cases.
  app.removeContentTypeParser(['text/plain']);

  app.setErrorHandler((error, request, reply) =>
    replyWithScimError(error, request, reply, (e) => deps.store.isTransientFailure(e)),
  );
  app.setNotFoundHandler(async (request) => {
    throw new NotFoundError(`No endpoint ${request.method} ${request.url.split('?')[0]}.`);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    // A database that is gone may take the pool's connect timeout to say so; a probe needs its answer
    // within a second (docs/deployment.md).
    const ready = await Promise.race([
      deps.store.isReady(),
      new Promise<false>((resolve) => setTimeout(resolve, READY_DEADLINE_MS, false).unref()),
    ]);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });

  registerSecurityEventJwksRoute(app, deps);
  await app.register(async (scope) => scimPlugin(scope, deps), { prefix: '/scim/v2/:integrationId' });
  await app.register(async (scope) =>
    adminPlugin(scope, { ...deps, tokenLifetimeDays: deps.tokenLifetimeDays ?? 365 }),
  );
  const consoleDirectory = deps.consoleDirectory;
  if (consoleDirectory) {
    await app.register(async (scope) => consolePlugin(scope, { directory: consoleDirectory }));
  }
  return app;
}
