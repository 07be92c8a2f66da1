import { Command, Option } from 'commander';
import { createIntegration } from '../directory/integrations/create-integration.js';
import { deleteIntegration, type IdentitiesOnDelete } from '../directory/integrations/delete-integration.js';
import { integrationUrl } from '../directory/integrations/integration-url.js';
import { rotateIntegrationToken } from '../directory/integrations/rotate-integration-token.js';
import { DEFAULT_ORGANIZATION } from '../directory/integrations/ensure-default-organization.js';
import { idpPresets, type IdpPreset, type Integration } from '../directory/ports.js';
import type { Config } from './config.js';
import { prepareDatabase, systemClock, uuidSource, type OpenedDatabase } from './open-database.js';

async function withDatabase<T>(config: Config, work: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const opened = await prepareDatabase(config);
  try {
    return await work(opened);
  } finally {
    await opened.store.close();
  }
}

function tokenStatus(integration: Integration, now: Date): string {
  if (!integration.tokenExpiresAt) return 'no token';
  return Date.parse(integration.tokenExpiresAt) > now.getTime()
    ? `valid until ${integration.tokenExpiresAt}`
    : `EXPIRED ${integration.tokenExpiresAt}`;
}

export function integrationCommand(config: () => Config): Command {
  const command = new Command('integration').description(
    'Manage SCIM integrations (one per identity provider)',
  );

  command
    .command('create')
    .description('Create an integration; prints its URL and bearer token (shown once)')
    .requiredOption('--name <name>', 'unique name within the organization')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .addOption(
      new Option('--idp <preset>', 'identity provider preset').choices(idpPresets).default('generic'),
    )
    .option('--json', 'print JSON')
    .action(async (options: { name: string; org: string; idp: IdpPreset; json?: boolean }) => {
      const cfg = config();
      await withDatabase(cfg, async ({ store }) => {
        const { integration, token } = await createIntegration(
          { store, clock: systemClock, ids: uuidSource },
          {
            organizationName: options.org,
            name: options.name,
            idp: options.idp,
            tokenLifetimeDays: cfg.tokenLifetimeDays,
          },
        );
        const url = integrationUrl(cfg.publicBaseUrl, integration.id);
        if (options.json) {
          console.log(JSON.stringify({ ...integration, integrationUrl: url, token }, null, 2));
          return;
        }
        console.log(`Created integration "${integration.name}" (${integration.id}).`);
        console.log(`Integration URL: ${url}`);
        console.log(`Bearer token:    ${token}`);
        console.log(
          `The token is shown only now and is valid until ${integration.tokenExpiresAt}. Store it in your identity provider.`,
        );
      });
    });

  command
    .command('list')
    .description('List integrations')
    .option('--org <organization>', 'only this organization')
    .option('--json', 'print JSON')
    .action(async (options: { org?: string; json?: boolean }) => {
      const cfg = config();
      await withDatabase(cfg, async ({ store }) => {
        const organization =
          options.org === undefined ? undefined : await store.organizations.findByName(options.org);
        if (options.org !== undefined && !organization)
          throw new Error(`No organization named "${options.org}".`);
        const integrations = await store.integrations.list(organization?.id);
        const now = systemClock.now();
        const rows = integrations.map((i) => ({
          ...i,
          integrationUrl: integrationUrl(cfg.publicBaseUrl, i.id),
          hasValidToken: i.tokenExpiresAt !== null && Date.parse(i.tokenExpiresAt) > now.getTime(),
        }));
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) console.log('No integrations.');
        for (const row of rows) {
          console.log(
            `${row.id}  ${row.name}  [${row.idp}]  token: ${tokenStatus(row, now)}\n  ${row.integrationUrl}`,
          );
        }
      });
    });

  command
    .command('rotate-token <id>')
    .description('Issue a new token; the old one stops working immediately')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const cfg = config();
      await withDatabase(cfg, async ({ store }) => {
        const { token, expiresAt } = await rotateIntegrationToken(
          { store, clock: systemClock },
          id,
          cfg.tokenLifetimeDays,
        );
        if (options.json) {
          console.log(JSON.stringify({ id, token, expiresAt }, null, 2));
          return;
        }
        console.log(`New bearer token: ${token}`);
        console.log(
          `Valid until ${expiresAt}. The previous token no longer works; update your identity provider now.`,
        );
      });
    });

  command
    .command('delete <id>')
    .description('Delete an integration; its token stops working and its SCIM data goes')
    .addOption(
      new Option('--identities <what>', 'what happens to the identities it synced')
        .choices(['disable', 'delete', 'keep'])
        .makeOptionMandatory(),
    )
    .action(async (id: string, options: { identities: IdentitiesOnDelete }) => {
      await withDatabase(config(), async ({ store }) => {
        const { identities } = await deleteIntegration({ store, clock: systemClock }, id, options.identities);
        const verb = { disable: 'disabled', delete: 'deleted', keep: 'kept as unmanaged identities' }[
          options.identities
        ];
        console.log(`Deleted integration ${id}; ${identities} identities ${verb}.`);
      });
    });

  return command;
}
