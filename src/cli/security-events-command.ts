import { Command } from 'commander';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import { rotateSecurityEventKey } from '../directory/security-events/security-event-keys.js';
import { securityEventIssuer } from '../directory/security-events/security-event-token.js';
import { createSetReceiver } from '../directory/security-events/manage-set-receivers.js';
import {
  deleteWebhookEndpoint,
  listWebhookEndpoints,
} from '../directory/webhooks/manage-webhook-endpoints.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { splitList } from './split-list.js';
import { redeliverCommand, webhookSettings } from './webhook-command.js';
import { printJson, withOrganization } from './with-organization.js';

const KIND = 'security_events';

/** `roster security-events`: RFC 8935 receivers of RFC 9967 SETs, and the key that signs them. */
export function securityEventsCommand(config: () => Config): Command {
  const command = new Command('security-events').description(
    'RFC 9967 Security Event Token receivers (RFC 8935 push) and the signing key',
  );

  command
    .command('list')
    .description('List SET receivers with their delivery state')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const receivers = await listWebhookEndpoints(deps, organization.id, KIND);
        if (options.json) return printJson(receivers);
        if (receivers.length === 0) return console.log('No SET receivers.');
        const rows = receivers.map((r) => [
          r.id,
          r.url,
          r.audience ?? '-',
          r.payload ?? 'full',
          r.enabled ? r.status : 'disabled',
          r.lastError ?? '-',
        ]);
        console.log(formatTable(['ID', 'URL', 'AUDIENCE', 'PAYLOAD', 'STATUS', 'LAST ERROR'], rows));
      });
    });

  command
    .command('create')
    .description('Add a SET receiver; it gets the events committed from now on')
    .requiredOption('--url <url>', 'where SETs are POSTed (http or https)')
    .requiredOption('--audience <aud>', 'the SETs’ aud claim')
    .option('--payload <mode>', 'full (the new state) or notice (the changed attribute names)', 'full')
    .option('--types <types>', 'comma-separated event types (default: all with an RFC 9967 counterpart)')
    .option('--authorization <value>', 'Authorization header value the receiver wants (stored encrypted)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (options: {
        url: string;
        audience: string;
        payload: string;
        types?: string;
        authorization?: string;
        org: string;
        json?: boolean;
      }) => {
        if (options.payload !== 'full' && options.payload !== 'notice')
          throw new Error('--payload is full or notice.');
        const settings = config();
        await withOrganization(settings, options.org, async ({ deps, organization }) => {
          const receiver = await createSetReceiver(
            { ...deps, webhooks: webhookSettings(settings) },
            organization.id,
            {
              url: options.url,
              audience: options.audience,
              payload: options.payload as 'full' | 'notice',
              eventTypes: options.types ? splitList(options.types) : null,
              authorization: options.authorization ?? null,
            },
          );
          if (options.json) return printJson(receiver);
          const issuer = securityEventIssuer(settings.publicBaseUrl, organization.id);
          console.log(`Created SET receiver ${receiver.id} for ${receiver.url}.`);
          console.log(`SETs are signed by ${issuer}; its keys: ${issuer}/jwks.json`);
        });
      },
    );

  command
    .command('delete <receiver>')
    .description('Delete a SET receiver and its delivery log')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .action(async (id: string, options: { org: string }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        await deleteWebhookEndpoint(deps, organization.id, id, KIND);
        console.log(`Deleted SET receiver ${id}.`);
      });
    });

  command.addCommand(redeliverCommand(config, KIND, 'receiver'));

  command
    .command('rotate-key')
    .description('New ES256 signing key; the previous public key stays in the JWKS during the overlap')
    .option('--overlap-seconds <n>', 'how long the previous key stays published', '86400')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { overlapSeconds: string; org: string; json?: boolean }) => {
      const settings = config();
      await withOrganization(settings, options.org, async ({ deps, organization }) => {
        const rotated = await rotateSecurityEventKey(
          { ...deps, cipher: webhookSettings(settings).cipher },
          organization.id,
          Math.max(0, Number.parseInt(options.overlapSeconds, 10) || 0),
        );
        if (options.json) return printJson(rotated);
        console.log(`New signing key: ${rotated.kid}.`);
        if (rotated.previousKid)
          console.log(
            `The previous key ${rotated.previousKid} stays published until ${rotated.previousPublishedUntil}.`,
          );
      });
    });

  return command;
}
