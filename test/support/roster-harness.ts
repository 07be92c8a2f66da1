import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/http/build-app.js';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import type { Clock, IdSource } from '../../src/directory/ports/clock.js';
import type { DirectoryStore } from '../../src/directory/ports/directory-store.js';
import type { IntegrationScope } from '../../src/directory/model/scope.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { loadCursorSigningKey } from '../../src/directory/scim/cursor-signing-key.js';
import { ProvisioningLogWriter } from '../../src/directory/provisioning-log/provisioning-log-writer.js';
import { redactedAttributes } from '../../src/directory/provisioning-log/redact-body.js';
import { createMetrics } from '../../src/http/metrics.js';
import { defaultWebhookTiming, type WebhookSettings } from '../../src/directory/webhooks/webhook-settings.js';
import { createSecretCipher, generateSecretKey } from '../../src/directory/secrets/secret-cipher.js';
import type { TestDatabase, TestEngine } from './test-engines.js';
import type { RateLimitSettings } from '../../src/http/rate-limits.js';
import type { ServiceCapabilities } from '../../src/core/protocol/discovery-documents.js';
import type { ScimSettings } from '../../src/directory/scim/scim-context.js';
import { defaultInputLimits, type InputLimits } from '../../src/core/protocol/input-limits.js';
import {
  defaultSignInSettings,
  signInServices,
  type SignInSettings,
} from '../../src/directory/sign-in/sign-in-settings.js';

export const testCapabilities: ServiceCapabilities = {
  patch: true,
  bulk: { supported: true, maxOperations: 50, maxPayloadSize: 1_048_576 },
  filter: { supported: true, maxResults: 1000 },
  sort: true,
  etag: true,
  pagination: { cursor: true, index: true, defaultPageSize: 100, maxPageSize: 1000, cursorTimeout: 3600 },
  documentationUri: 'http://127.0.0.1/docs',
};

/** The SCIM settings every test app runs with, matching `testCapabilities`; a fresh cursor key each time. */
export async function testScimSettings(
  store: DirectoryStore,
  clock: Clock,
  inputLimits: Partial<InputLimits> = {},
): Promise<ScimSettings> {
  return {
    pageLimits: { defaultPageSize: 100, maxPageSize: 1000 },
    cursorSigningKey: await loadCursorSigningKey({
      store,
      clock,
      cipher: createSecretCipher({ keys: [generateSecretKey()] }),
    }),
    cursorTimeoutSeconds: 3600,
    createRetryWindowSeconds: 600,
    bulk: { maxOperations: 50, maxPayloadSize: 1_048_576 },
    inputLimits: { ...defaultInputLimits, ...inputLimits },
  };
}

/** A clock tests can move: token expiry is tested by moving time, not by waiting. */
export class TestClock implements Clock {
  private current: number;
  constructor(start = Date.now()) {
    this.current = start;
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}

export const ids: IdSource = uuidV7Source();

export interface ScimResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> & { [key: string]: unknown };
  readonly text: string;
}

export interface IntegrationHandle {
  readonly id: string;
  readonly token: string;
  readonly url: string;
  /** The integration's tenant scope, for calls straight to the store and the use cases. */
  readonly scope: IntegrationScope;
}

export { testEngines } from './test-engines.js';

/**
 * A real Roster HTTP server on 127.0.0.1 over a real database (a SQLite file in a temporary directory,
 * or a fresh PostgreSQL schema). Requests go through fetch and the network stack, like an identity
 * provider's.
 */
export class RosterHarness {
  readonly store: DirectoryStore;
  readonly clock: TestClock;
  readonly database: TestDatabase;
  private readonly app: FastifyInstance;
  readonly origin: string;
  /** The app's provisioning log writer: `flush()` writes what is queued now. */
  readonly provisioningLog: ProvisioningLogWriter;
  /** The webhook settings the app uses (its cipher seals the secrets): the worker in tests needs them. */
  readonly webhooks: WebhookSettings;

  private constructor(
    store: DirectoryStore,
    clock: TestClock,
    database: TestDatabase,
    app: FastifyInstance,
    origin: string,
    provisioningLog: ProvisioningLogWriter,
    webhooks: WebhookSettings,
  ) {
    this.provisioningLog = provisioningLog;
    this.webhooks = webhooks;
    this.store = store;
    this.clock = clock;
    this.database = database;
    this.app = app;
    this.origin = origin;
  }

  static async start(
    engine: TestEngine,
    options: {
      bodyLimitBytes?: number;
      wrapStore?: (store: DirectoryStore) => DirectoryStore;
      /** Tests serve JWKS on 127.0.0.1, so private JWKS URLs are allowed unless a test says otherwise. */
      signIn?: Partial<SignInSettings>;
      /** Attributes the provisioning log redacts besides password. */
      redactAttributes?: readonly string[];
      /** Webhook timing and SSRF (tests deliver to 127.0.0.1, so private URLs are allowed by default). */
      webhooks?: Partial<Omit<WebhookSettings, 'cipher'>>;
      /** Serve GET /metrics behind this token. */
      metricsToken?: string;
      /** Requests per second per integration and per admin key; default: no limits. */
      rateLimits?: RateLimitSettings;
      inputLimits?: Partial<InputLimits>;
      /** PostgreSQL's statement_timeout for the server's connections. */
      statementTimeoutMs?: number;
    } = {},
  ): Promise<RosterHarness> {
    const database = await engine.open(
      options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs },
    );
    await migrateToLatest(database.db, database.dialect);
    const store = directoryStore(database.db, database.dialect, {
      reader: database.reader,
      ...(database.poolUsage ? { poolUsage: database.poolUsage } : {}),
    });
    const clock = new TestClock();
    await ensureDefaultOrganization({ store, clock, ids });
    // The public URL is only known after listening, so the app is built with a placeholder and the
    // harness reads real locations from responses.
    const provisioningLog = new ProvisioningLogWriter(store, {
      redacted: redactedAttributes(options.redactAttributes ?? []),
      flushIntervalMs: 20,
    });
    const webhooks: WebhookSettings = {
      cipher: createSecretCipher({ keys: [generateSecretKey()] }),
      ...defaultWebhookTiming,
      allowPrivateUrls: true,
      publicBaseUrl: 'http://127.0.0.1',
      retryBaseMs: 50,
      retryMaxMs: 400,
      timeoutMs: 2000,
      ...options.webhooks,
    };
    const metrics = options.metricsToken
      ? {
          registry: createMetrics({ store, provisioningLog: () => provisioningLog }),
          token: options.metricsToken,
        }
      : undefined;
    const app = await buildApp({
      provisioningLog,
      webhooks,
      ...(metrics ? { metrics } : {}),
      eventPollMs: 50,
      store: options.wrapStore ? options.wrapStore(store) : store,
      clock,
      ids,
      logger: pino({ level: 'silent' }),
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      publicBaseUrl: 'http://127.0.0.1',
      bodyLimitBytes: options.bodyLimitBytes ?? 1_048_576,
      capabilities: testCapabilities,
      scimSettings: await testScimSettings(store, clock, options.inputLimits),
      signIn: signInServices(clock, {
        ...defaultSignInSettings,
        allowPrivateJwksUrls: true,
        ...options.signIn,
      }),
    });
    app.addHook('onClose', () => provisioningLog.close());
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    return new RosterHarness(store, clock, database, app, origin, provisioningLog, webhooks);
  }

  async createOrganization(name: string): Promise<string> {
    const now = this.clock.now().toISOString();
    const organization = await this.store.organizations.ensure({ id: ids.newId(), name, createdAt: now });
    await this.store.authPolicies.ensureDefault({ organizationId: organization.id }, ids.newId(), now);
    return organization.id;
  }

  async createIntegration(
    name = `idp-${randomUUID().slice(0, 8)}`,
    organizationName = 'default',
  ): Promise<IntegrationHandle> {
    const { integration, token } = await createIntegration(
      { store: this.store, clock: this.clock, ids },
      { organizationName, name, idp: 'generic', tokenLifetimeDays: 365 },
    );
    return {
      id: integration.id,
      token,
      url: `${this.origin}/scim/v2/${integration.id}`,
      scope: { organizationId: integration.organizationId, integrationId: integration.id },
    };
  }

  /** Sends a SCIM request; `body` objects are JSON-encoded, strings are sent as they are. */
  async request(
    integration: IntegrationHandle,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimResponse> {
    const init: RequestInit = {
      method,
      headers: {
        authorization: `Bearer ${integration.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        ...headers,
      },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${integration.url}${path}`, init);
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    if (text.length > 0) parsed = JSON.parse(text) as Record<string, unknown>;
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.dispose();
  }
}
