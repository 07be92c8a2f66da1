import { Command } from 'commander';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import { createWebhookEndpoint } from '../directory/webhooks/create-webhook-endpoint.js';
import {
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  redeliverSince,
  rotateWebhookSecret,
} from '../directory/webhooks/manage-webhook-endpoints.js';
import { defaultWebhookTiming, type WebhookSettings } from '../directory/webhooks/webhook-settings.js';
import type { DestinationKind } from '../directory/model/webhook-endpoint.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { openSecretKeys } from './secret-keys.js';
import { splitList } from './split-list.js';
import { printJson, withOrganization } from './with-organization.js';

/** The settings the server uses: the same at-rest keys seal the secrets, the same SSRF rule applies. */
export function webhookSettings(config: Config): WebhookSettings {
  return {
    cipher: openSecretKeys(config.secretKeys).cipher,
    allowPrivateUrls: config.allowPrivateWebhookUrls,
    publicBaseUrl: config.publicBaseUrl,
    ...defaultWebhookTiming,
  };
}

/** `roster webhook`: endpoints that receive the organization's events (docs/events.md, Webhooks). */
export function webhookCommand(config: () => Config): Command {
  const command = new Command('webhook').description('Webhook endpoints that receive the events feed');

  command
    .command('list')
    .description('List webhook endpoints with their delivery state')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const endpoints = await listWebhookEndpoints(deps, organization.id);
        if (options.json) return printJson(endpoints);
        if (endpoints.length === 0) return console.log('No webhook endpoints.');
        const rows = endpoints.map((e) => [
          e.id,
          e.url,
          e.enabled ? e.status : 'disabled',
          e.eventTypes?.join(',') ?? 'all',
          e.lastError ?? '-',
        ]);
        console.log(formatTable(['ID', 'URL', 'STATUS', 'TYPES', 'LAST ERROR'], rows));
      });
    });

  command
    .command('create')
    .description('Add an endpoint; prints its whsec_ signing secret once')
    .requiredOption('--url <url>', 'where events are POSTed (http or https)')
    .option('--description <text>', 'what it is for')
    .option('--types <types>', 'comma-separated event types (default: all)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (options: { url: string; description?: string; types?: string; org: string; json?: boolean }) => {
        const settings = config();
        await withOrganization(settings, options.org, async ({ deps, organization }) => {
          const { endpoint, secret } = await createWebhookEndpoint(
            { ...deps, webhooks: webhookSettings(settings) },
            organization.id,
            {
              url: options.url,
              description: options.description ?? null,
              eventTypes: options.types ? splitList(options.types) : null,
            },
          );
          if (options.json) return printJson({ endpoint, secret });
          console.log(`Created webhook endpoint ${endpoint.id} for ${endpoint.url}.`);
          console.log(`Signing secret: ${secret}`);
          console.log(
            'It is shown only now (Roster keeps it encrypted). Verify deliveries with any Standard Webhooks library.',
          );
        });
      },
    );

  command
    .command('delete <endpoint>')
    .description('Delete an endpoint and its delivery log')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .action(async (id: string, options: { org: string }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        await deleteWebhookEndpoint(deps, organization.id, id);
        console.log(`Deleted webhook endpoint ${id}.`);
      });
    });

  command
    .command('rotate-secret <endpoint>')
    .description('New signing secret, printed once; the old one still signs during the overlap')
    .option('--overlap-seconds <n>', 'how long the old secret still signs', '86400')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { overlapSeconds: string; org: string; json?: boolean }) => {
      const settings = config();
      await withOrganization(settings, options.org, async ({ deps, organization }) => {
        const rotated = await rotateWebhookSecret(
          { ...deps, webhooks: webhookSettings(settings) },
          organization.id,
          id,
          Math.max(0, Number.parseInt(options.overlapSeconds, 10) || 0),
        );
        if (options.json) return printJson(rotated);
        console.log(`New signing secret: ${rotated.secret}`);
        if (rotated.previousValidUntil)
          console.log(`The previous secret also signs until ${rotated.previousValidUntil}.`);
      });
    });

  command.addCommand(redeliverCommand(config, 'webhook', 'endpoint'));

  return command;
}

/** `redeliver <id>` of a destination kind: its cursor back to `--after`, a failing one active again. */
export function redeliverCommand(config: () => Config, kind: DestinationKind, noun: string): Command {
  const label = kind === 'webhook' ? 'Webhook endpoint' : 'SET receiver';
  return new Command('redeliver')
    .argument(`<${noun}>`)
    .description(`Deliver again every event after a cursor (and resume a failing ${noun})`)
    .option('--after <cursor>', 'an events cursor (default: the oldest event kept)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .action(async (id: string, options: { after?: string; org: string }) => {
      const settings = config();
      await withOrganization(settings, options.org, async ({ deps, organization }) => {
        await redeliverSince(
          { ...deps, webhooks: webhookSettings(settings) },
          organization.id,
          id,
          options.after,
          kind,
        );
        console.log(
          `${label} ${id} will receive again every event after ${options.after ?? 'the oldest kept'}.`,
        );
      });
    });
}
