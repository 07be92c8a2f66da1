import type { FastifyBaseLogger, RouteOptions } from 'fastify';
import type { ServiceCapabilities } from '../core/protocol/discovery-documents.js';
import type { Clock, IdSource } from '../directory/ports/clock.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import type { ScimSettings } from '../directory/scim/scim-context.js';
import type { RateLimitSettings } from './rate-limits.js';
import type { SignInServices } from '../directory/sign-in/sign-in-services.js';
import type { ProvisioningLogWriter } from '../directory/provisioning-log/provisioning-log-writer.js';
import type { WebhookSettings } from '../directory/webhooks/webhook-settings.js';
import type { RosterMetrics } from './metrics.js';

/** Everything the HTTP app needs, built by the CLI (the composition root) and passed in. */
export interface AppDependencies {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: FastifyBaseLogger;
  /** Base of integration URLs and meta.location, without a trailing slash. */
  readonly publicBaseUrl: string;
  readonly bodyLimitBytes: number;
  readonly capabilities: ServiceCapabilities;
  readonly scimSettings: ScimSettings;
  /** Lifetime of SCIM tokens issued through the admin API (default 365 days). */
  readonly tokenLifetimeDays?: number;
  /** Token verification (sign-in, OAuth for SCIM); default: the safe defaults, private JWKS URLs refused. */
  readonly signIn?: SignInServices;
  /** The built console (dist/console) to serve at /console; none when absent. */
  readonly consoleDirectory?: string;
  /**
   * Where SCIM requests are logged (batched writes). Default: a writer the app makes (password redacted)
   * and closes with itself.
   */
  readonly provisioningLog?: ProvisioningLogWriter;
  /** How often a long-polling events read looks again (default 250 ms). */
  readonly eventPollMs?: number;
  /**
   * Webhook secrets' cipher, the SSRF setting and delivery timing. `roster serve` passes the at-rest
   * cipher; without one (tools that only read the route table) a key held in memory seals them, which
   * no restart can read back.
   */
  readonly webhooks?: WebhookSettings;
  /** Requests per second per integration and per admin key; absent: no limits (tests). */
  readonly rateLimits?: RateLimitSettings;
  /** Prometheus metrics and the token `GET /metrics` requires; absent: no /metrics route. */
  readonly metrics?: { readonly registry: RosterMetrics; readonly token: string };
  /** Told of every route as it is registered (tests compare the admin routes with the OpenAPI document). */
  readonly onRoute?: (route: RouteOptions) => void;
}
