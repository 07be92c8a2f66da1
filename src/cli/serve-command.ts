import { pruneExpiredSessions } from '../directory/sign-in/sign-in-sessions.js';
import { countIntegrations } from '../directory/integrations/list-integrations.js';
import { pruneEvents } from '../directory/events/prune-events.js';
import { warnExpiringTokens } from '../directory/events/warn-expiring-tokens.js';
import { deliverWebhooks } from '../directory/webhooks/deliver-webhooks.js';
import { JobRunner } from '../directory/jobs/job-runner.js';
import { createMetrics } from '../http/metrics.js';
import { defaultWebhookTiming, type WebhookSettings } from '../directory/webhooks/webhook-settings.js';
import { ProvisioningLogWriter } from '../directory/provisioning-log/provisioning-log-writer.js';
import { pruneProvisioningLog } from '../directory/provisioning-log/prune-provisioning-log.js';
import { redactedAttributes } from '../directory/provisioning-log/redact-body.js';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { issueBootstrapAdminKey } from '../directory/admin-keys/issue-bootstrap-admin-key.js';
import { issueFirstAccountLink } from '../directory/console-accounts/issue-first-account-link.js';
import { writeOnceFile } from './write-once-file.js';
import { consoleLinkUrl } from '../directory/console-accounts/issue-console-link.js';
import { runRemapJobs } from '../directory/remap/run-remap-jobs.js';
import { buildApp } from '../http/build-app.js';
import { loadCursorSigningKey } from '../directory/scim/cursor-signing-key.js';
import { recordPublicBaseUrl } from '../directory/integrations/public-base-url.js';
import { scimCapabilities, scimSettings } from './scim-service-settings.js';
import type { Config } from './config.js';
import { prepareDatabase, systemClock, uuidSource } from './open-database.js';
import { openSecretKeys } from './secret-keys.js';
import { signInServices } from '../directory/sign-in/sign-in-settings.js';

/** Starts the HTTP server; on SIGTERM/SIGINT stops accepting, finishes in-flight requests, closes the store. */
export async function serveCommand(config: Config): Promise<void> {
  const logger = pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
  const secretKeys = openSecretKeys(config.secretKeys);
  for (const warning of secretKeys.warnings) logger.warn(warning);
  if (
    config.database.engine === 'postgres' &&
    config.secretKeys.kind === 'file' &&
    config.secretKeys.generated
  ) {
    logger.warn(
      { keyFile: config.secretKeys.path },
      'no secret key is configured (ROSTER_SECRET_KEY or ROSTER_SECRET_KEY_FILE): on PostgreSQL every instance must use the same key, so set one (docs/security.md)',
    );
  }
  const { store } = await prepareDatabase(
    config,
    (error) => logger.warn({ err: error }, 'database connection lost'),
    true,
  );
  // CLI commands print integration URLs from this record, whatever their own environment says.
  const previous = await recordPublicBaseUrl({ store, clock: systemClock }, config.publicBaseUrl);
  if (previous && previous.value !== config.publicBaseUrl) {
    logger.warn(
      { previous: previous.value, recordedAt: previous.updatedAt, now: config.publicBaseUrl },
      'the public base URL changed since the last start: integration URLs given to identity providers before use the old one; instances must agree (ROSTER_PUBLIC_URL)',
    );
  }
  const consoleDirectory = builtConsole();
  const provisioningLog = new ProvisioningLogWriter(store, {
    redacted: redactedAttributes(config.provisioningLogRedact),
    onError: (error) => logger.warn({ err: error }, 'provisioning log batch dropped'),
  });
  const webhooks: WebhookSettings = {
    cipher: secretKeys.cipher,
    allowPrivateUrls: config.allowPrivateWebhookUrls,
    publicBaseUrl: config.publicBaseUrl,
    ...defaultWebhookTiming,
  };
  const metrics = config.metricsToken
    ? {
        registry: createMetrics({ store, provisioningLog: () => provisioningLog }),
        token: config.metricsToken,
      }
    : undefined;
  const app = await buildApp({
    provisioningLog,
    webhooks,
    ...(metrics ? { metrics } : {}),
    store,
    clock: systemClock,
    ids: uuidSource,
    logger,
    publicBaseUrl: config.publicBaseUrl,
    bodyLimitBytes: config.bodyLimitBytes,
    capabilities: scimCapabilities(config),
    scimSettings: scimSettings(
      config,
      await loadCursorSigningKey({ store, clock: systemClock, cipher: secretKeys.cipher }),
    ),
    tokenLifetimeDays: config.tokenLifetimeDays,
    rateLimits: config.rateLimits,
    signIn: signInServices(systemClock, config.signIn),
    consoleDirectory,
  });
  // The first start of an installation without admin keys issues one installation-wide key, printed once.
  const bootstrap = await issueBootstrapAdminKey({ store, clock: systemClock, ids: uuidSource });
  // Likewise, an installation without console accounts gets one link that creates the first account.
  const firstAccount = await issueFirstAccountLink({ store, clock: systemClock, ids: uuidSource });

  let stopping = false;
  // Background work, one runner for all of it (docs/architecture.md). Remap jobs and deliveries are
  // claimed with row locks, so any instance may run them and N instances do each piece once.
  const owner = `${hostname()}:${process.pid}`;
  const warn = (message: string) => (error: unknown) => logger.warn({ err: error }, message);
  const jobs = new JobRunner(
    [
      {
        name: 'remap jobs',
        everyMs: config.jobPollMs,
        run: () => runRemapJobs({ store, clock: systemClock, ids: uuidSource }, { owner }),
      },
      {
        // Webhook endpoints and SET receivers: each leased by one instance at a time, in event order.
        name: 'deliveries',
        everyMs: config.webhookPollMs,
        run: () =>
          deliverWebhooks(
            {
              store,
              clock: systemClock,
              ids: uuidSource,
              webhooks,
              ...(metrics ? { onAttempt: metrics.registry.webhookAttempt } : {}),
            },
            owner,
          ),
      },
      {
        name: 'statistics and pruning',
        everyMs: 10_000,
        run: () =>
          Promise.all([
            store.refreshStatistics().catch(warn('statistics refresh failed')),
            pruneExpiredSessions({ store, clock: systemClock }).catch(warn('session pruning failed')),
            pruneEvents({ store, clock: systemClock }, config.eventRetentionDays).catch(
              warn('event pruning failed'),
            ),
            pruneProvisioningLog({ store, clock: systemClock }, config.provisioningLogRetentionDays).catch(
              warn('provisioning log pruning failed'),
            ),
          ]),
      },
      {
        // integration.token_expiring at 30, 7 and 1 days: every instance looks every 5 minutes; a row
        // per token and threshold makes each warning once.
        name: 'token expiry warnings',
        everyMs: 300_000,
        atStart: true,
        run: () => warnExpiringTokens({ store, clock: systemClock, ids: uuidSource }),
      },
    ],
    (job, error) => logger.error({ err: error }, `background job failed: ${job}`),
  );
  await store.refreshStatistics();
  jobs.start();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections; finishing requests in flight');
    // No background run starts from now on; those in flight finish (awaited below).
    const jobsStopped = jobs.stop();
    // A request that never ends must not block shutdown for ever.
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // Keep-alive connections would hold close() open for ever: each one is closed as soon as it is
    // idle, i.e. right after its response in flight has been sent.
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    try {
      await app.close();
    } finally {
      clearInterval(reaper);
    }
    // A batch in progress commits or rolls back as a whole; a job cut short resumes on any instance.
    await jobsStopped;
    await provisioningLog.close();
    await store.close();
    logger.info('stopped');
  };
  // While stopping, tell keep-alive clients not to reuse the connection (fewer resets on close).
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL';
  const lines = [
    `Roster is listening on ${address} (database: ${where}).`,
    `Integration URLs start with ${config.publicBaseUrl}/scim/v2/`,
  ];
  if ((await countIntegrations({ store, clock: systemClock, ids: uuidSource })) === 0) {
    lines.push(
      'No integration exists yet. Create one (it prints the integration URL and its token) with:',
      '  npx roster integration create --name my-idp --idp okta',
    );
  }
  if (secretKeys.createdFile) {
    lines.push(
      `No secret key was configured, so one was generated in ${secretKeys.createdFile} (mode 0600): back it up with the database; without it, encrypted secrets cannot be read.`,
    );
  }
  lines.push(`Admin API: ${config.publicBaseUrl}/api/v1 (reference: ${config.publicBaseUrl}/api/docs)`);
  if (consoleDirectory) lines.push(`Console: ${config.publicBaseUrl}/console`);
  if (bootstrap) {
    const name = `roster-bootstrap-admin-key-${bootstrap.key.id}`;
    try {
      const file = writeOnceFile(config.dataDirectory, name, bootstrap.secret);
      lines.push(
        `No admin API key existed, so an installation-wide key was created and written once to ${file} (readable only by its owner).`,
        'Copy it somewhere safe and delete the file; Roster keeps only its hash. Manage keys with `npx roster admin-key create|list|revoke`.',
      );
    } catch (error) {
      logger.error(
        { err: error, file: join(config.dataDirectory, name) },
        'could not write the bootstrap admin key; create one with `npx roster admin-key create --installation`',
      );
    }
  }
  if (firstAccount) {
    // Like the bootstrap key: the link creates an installation-wide account, so it is a secret.
    const name = `roster-first-account-link-${firstAccount.link.id}`;
    try {
      const file = writeOnceFile(
        config.dataDirectory,
        name,
        consoleLinkUrl(config.publicBaseUrl, 'first_account', firstAccount.token),
      );
      lines.push(
        `No console account existed, so a one-time link that creates the first (installation-wide) one was written once to ${file} (readable only by its owner). It works for 7 days; open it, then delete the file.`,
        'Invite more with `npx roster console-account invite --email EMAIL`.',
      );
    } catch (error) {
      logger.error(
        { err: error, file: join(config.dataDirectory, name) },
        'could not write the first-account link; invite an account with `npx roster console-account invite --email EMAIL`',
      );
    }
  }
  // One write, so a reader never sees the first line without the rest.
  process.stdout.write(lines.join('\n') + '\n');
}

/** dist/console, built by `npm run build` beside the compiled CLI; undefined when it was not built. */
function builtConsole(): string | undefined {
  const directory = fileURLToPath(new URL('../../console', import.meta.url));
  return existsSync(`${directory}/index.html`) ? directory : undefined;
}
