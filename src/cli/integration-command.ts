import { listOrganizations } from '../directory/organizations/list-organizations.js';
import {
  findIntegrationInInstallation,
  listIntegrations,
} from '../directory/integrations/list-integrations.js';
import { printJson, withDirectory } from './with-organization.js';
import { setIntegrationPaused } from '../directory/integrations/pause-integration.js';
import { integrationScope } from '../directory/model/scope.js';
import { Command, Option } from 'commander';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { createIntegration } from '../directory/integrations/create-integration.js';
import { deleteIntegration, type IdentitiesOnDelete } from '../directory/integrations/delete-integration.js';
import { integrationUrl } from '../directory/integrations/integration-url.js';
import { rotateIntegrationToken } from '../directory/integrations/rotate-integration-token.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import { idpPresets, type IdpPreset, type Integration } from '../directory/model/integration.js';
import type { DirectoryDeps } from '../directory/directory-deps.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { integrationUrlBase } from './integration-url-base.js';
import { systemClock } from './open-database.js';

function hasValidToken(integration: Integration, now: Date): boolean {
  return integration.tokenExpiresAt !== null && Date.parse(integration.tokenExpiresAt) > now.getTime();
}

function tokenColumn(integration: Integration, now: Date): string {
  if (integration.tokenExpiresAt === null) return 'no';
  return hasValidToken(integration, now) ? 'yes' : 'no (expired)';
}

/**
 * The integration `text` names. With `--org`, its id or name in that organization; without, an id of
 * any organization (these commands have always taken one) or a name in the default organization.
 */
async function integrationNamed(
  deps: DirectoryDeps,
  text: string,
  organization: string | undefined,
): Promise<Integration> {
  if (organization === undefined) {
    const byId = await findIntegrationInInstallation(deps, text);
    if (byId) return byId;
  }
  const scope = await organizationNamed(deps.store, organization ?? DEFAULT_ORGANIZATION);
  return resolveByIdOrName(deps.store, scope.id, 'integration', text);
}

export function integrationCommand(config: () => Config): Command {
  const command = new Command('integration').description(
    'Manage SCIM integrations (one per identity provider)',
  );

  command
    .command('create')
    .description('Create an integration; prints its URL and bearer token (shown once)')
    .requiredOption('--name <name>', 'unique within the organization, in any case')
    .option('--org <organization>', 'organization name or id', DEFAULT_ORGANIZATION)
    .addOption(
      new Option('--idp <preset>', 'identity provider preset').choices(idpPresets).default('generic'),
    )
    .option('--json', 'print JSON')
    .action(async (options: { name: string; org: string; idp: IdpPreset; json?: boolean }) => {
      const cfg = config();
      await withDirectory(cfg, async (deps) => {
        const organization = await organizationNamed(deps.store, options.org);
        const base = await integrationUrlBase(deps.store, cfg);
        const { integration, token } = await createIntegration(deps, {
          organizationName: organization.name,
          name: options.name,
          idp: options.idp,
          tokenLifetimeDays: cfg.tokenLifetimeDays,
        });
        const url = integrationUrl(base.url, integration.id);
        if (base.warning) console.error(base.warning);
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
    .description('List integrations with their URL and token validity')
    .option('--org <organization>', 'only this organization (name or id)')
    .option('--json', 'print JSON')
    .action(async (options: { org?: string; json?: boolean }) => {
      const cfg = config();
      await withDirectory(cfg, async (deps) => {
        const organization =
          options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
        const integrations = await listIntegrations(
          deps,
          organization === undefined ? 'installation' : { organizationId: organization.id },
        );
        const base = await integrationUrlBase(deps.store, cfg);
        const now = systemClock.now();
        const rows = integrations.map((i) => ({
          ...i,
          integrationUrl: integrationUrl(base.url, i.id),
          hasValidToken: hasValidToken(i, now),
        }));
        if (base.warning && rows.length > 0) console.error(base.warning);
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) {
          console.log('No integrations.');
          return;
        }
        // The product documents' columns (Name, Has Auth Token, Integration URL, ID), then IdP and expiry;
        // listing every organization, each row says whose it is.
        const organizations = new Map((await listOrganizations(deps)).map((o) => [o.id, o.name]));
        const perOrganization = organization === undefined && organizations.size > 1;
        const headers = ['NAME', 'HAS AUTH TOKEN', 'INTEGRATION URL', 'ID', 'IDP', 'TOKEN EXPIRES', 'PAUSED'];
        console.log(
          formatTable(
            perOrganization ? [...headers, 'ORGANIZATION'] : headers,
            rows.map((row) => [
              row.name,
              tokenColumn(row, now),
              row.integrationUrl,
              row.id,
              row.idp,
              row.tokenExpiresAt ?? '-',
              row.pausedAt === null ? 'no' : `since ${row.pausedAt}`,
              ...(perOrganization ? [organizations.get(row.organizationId) ?? row.organizationId] : []),
            ]),
          ),
        );
      });
    });

  command
    .command('rotate-token')
    .description('Issue a new token; the old one stops working immediately')
    .argument('<integration>', 'integration id, or name (any case) in --org')
    .option('--org <organization>', `organization name or id (for a name; default "${DEFAULT_ORGANIZATION}")`)
    .option('--json', 'print JSON')
    .action(async (text: string, options: { org?: string; json?: boolean }) => {
      const cfg = config();
      await withDirectory(cfg, async (deps) => {
        const integration = await integrationNamed(deps, text, options.org);
        const { id } = integration;
        const { token, expiresAt } = await rotateIntegrationToken(
          deps,
          integrationScope(integration),
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

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    command
      .command(name)
      .description(
        paused
          ? 'Pause: every SCIM request of the integration gets 503 with Retry-After (the IdP retries) until resumed'
          : 'Resume a paused integration: its SCIM requests are served again',
      )
      .argument('<integration>', 'integration id, or name (any case) in --org')
      .option(
        '--org <organization>',
        `organization name or id (for a name; default "${DEFAULT_ORGANIZATION}")`,
      )
      .option('--json', 'print JSON')
      .action(async (text: string, options: { org?: string; json?: boolean }) => {
        await withDirectory(config(), async (deps) => {
          const found = await integrationNamed(deps, text, options.org);
          const integration = await setIntegrationPaused(deps, found.organizationId, found.id, paused);
          if (options.json) return printJson({ id: integration.id, pausedAt: integration.pausedAt });
          console.log(
            paused
              ? `Paused integration "${integration.name}" (${integration.id}) since ${integration.pausedAt}: its SCIM requests get 503 with Retry-After until \`roster integration resume\`.`
              : `Resumed integration "${integration.name}" (${integration.id}): its SCIM requests are served again.`,
          );
        });
      });
  }

  command
    .command('delete')
    .description('Delete an integration; its token stops working and its SCIM data goes')
    .argument('<integration>', 'integration id, or name (any case) in --org')
    .addOption(
      new Option('--identities <what>', 'what happens to the identities it synced')
        .choices(['disable', 'delete', 'keep'])
        .makeOptionMandatory(),
    )
    .option('--org <organization>', `organization name or id (for a name; default "${DEFAULT_ORGANIZATION}")`)
    .action(async (text: string, options: { identities: IdentitiesOnDelete; org?: string }) => {
      await withDirectory(config(), async (deps) => {
        const integration = await integrationNamed(deps, text, options.org);
        const { id } = integration;
        const { identities } = await deleteIntegration(
          deps,
          integrationScope(integration),
          options.identities,
        );
        const verb = { disable: 'disabled', delete: 'deleted', keep: 'kept as unmanaged identities' }[
          options.identities
        ];
        console.log(`Deleted integration ${id}; ${identities} identities ${verb}.`);
      });
    });

  return command;
}
