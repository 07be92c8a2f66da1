import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProvisioningLogWriter } from '../directory/provisioning-log/provisioning-log-writer.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';

/**
 * Prometheus metrics (prom-client), one registry per process. Labels never carry tenant data: routes are
 * templates (`/scim/v2/:integrationId/Users/:id`), never URLs, and no organization, user or group names.
 */
export interface RosterMetrics {
  readonly registry: Registry;
  observeRequest(request: FastifyRequest, reply: FastifyReply): void;
  webhookAttempt(
    outcome: 'delivered' | 'failed' | 'dead' | 'rejected',
    latencyMs: number,
    kind: 'webhook' | 'security_events',
  ): void;
}

export function createMetrics(sources: {
  readonly store: DirectoryStore;
  readonly provisioningLog: () => ProvisioningLogWriter | undefined;
}): RosterMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'roster_http_requests_total',
    help: 'HTTP requests by area (scim, admin, other), route template, method and status.',
    labelNames: ['area', 'route', 'method', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'HTTP request latency by area and route template.',
    labelNames: ['area', 'route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'roster_webhook_deliveries_total',
    help: 'Delivery attempts by destination kind (webhook, security_events) and outcome (delivered, failed, dead: the endpoint was marked failing, rejected: a SET refused for good with an RFC 8935 error).',
    labelNames: ['outcome', 'kind'] as const,
    registers: [registry],
  });
  const deliveryLatency = new Histogram({
    name: 'roster_webhook_delivery_duration_seconds',
    help: 'Time from the POST of a webhook to its answer.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Read first, before the other gauges' queries of this scrape take connections themselves.
  new Gauge({
    name: 'roster_database_pool_in_use',
    help: 'Database connections checked out now (SQLite: its writer, while a transaction runs).',
    registers: [registry],
    collect() {
      this.set(sources.store.poolUsage().inUse);
    },
  });
  new Gauge({
    name: 'roster_database_pool_waiting',
    help: 'Requests waiting for a database connection now.',
    registers: [registry],
    collect() {
      this.set(sources.store.poolUsage().waiting);
    },
  });
  new Gauge({
    name: 'roster_events_written',
    help: 'Events written to the outbox since the installation began (all organizations).',
    registers: [registry],
    async collect() {
      this.set(await sources.store.events.writtenInInstallation());
    },
  });
  const backlog = async () => sources.store.webhooks.backlogInInstallation();
  new Gauge({
    name: 'roster_webhook_backlog_events',
    help: 'Events committed but not yet delivered to enabled, active webhook endpoints.',
    registers: [registry],
    async collect() {
      this.set((await backlog()).pendingEvents);
    },
  });
  new Gauge({
    name: 'roster_webhook_failing_endpoints',
    help: 'Webhook endpoints marked failing (dead-letter).',
    registers: [registry],
    async collect() {
      this.set((await backlog()).failingEndpoints);
    },
  });
  const log = (name: string, help: string, pick: (s: ReturnType<ProvisioningLogWriter['stats']>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const writer = sources.provisioningLog();
        this.set(writer ? pick(writer.stats()) : 0);
      },
    });
  log(
    'roster_provisioning_log_lag_seconds',
    'Age of the oldest provisioning log entry not yet written.',
    (s) => s.lagMs / 1000,
  );
  log('roster_provisioning_log_queued', 'Provisioning log entries waiting to be written.', (s) => s.queued);
  log(
    'roster_provisioning_log_dropped',
    'Provisioning log entries dropped (queue full or a database error).',
    (s) => s.dropped,
  );

  return {
    registry,
    observeRequest(request, reply) {
      const route = request.routeOptions.url ?? 'unmatched';
      const area = route.startsWith('/scim/') ? 'scim' : route.startsWith('/api/') ? 'admin' : 'other';
      const labels = { area, route, method: request.method };
      requests.inc({ ...labels, status: String(reply.statusCode) });
      durations.observe(labels, reply.elapsedTime / 1000);
    },
    webhookAttempt(outcome, latencyMs, kind) {
      deliveries.inc({ outcome, kind });
      deliveryLatency.observe(latencyMs / 1000);
    },
  };
}

/**
 * `GET /metrics` in the Prometheus text format, behind `Authorization: Bearer <ROSTER_METRICS_TOKEN>`
 * (compared in constant time). Without a token configured the route does not exist.
 */
export function registerMetrics(app: FastifyInstance, metrics: RosterMetrics, token: string): void {
  const expected = createHash('sha256').update(token).digest();
  app.addHook('onResponse', async (request, reply) => metrics.observeRequest(request, reply));
  app.get('/metrics', async (request, reply) => {
    const presented = /^bearer[ \t]+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const hash = createHash('sha256').update(presented).digest();
    if (!timingSafeEqual(hash, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="roster-metrics"')
        .send({ status: 'unauthorized' });
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
