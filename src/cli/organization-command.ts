import { listOrganizations, organizationSummary } from '../directory/organizations/list-organizations.js';
import { listIntegrations } from '../directory/integrations/list-integrations.js';
import { withDirectory } from './with-organization.js';
import { Command } from 'commander';
import { createOrganization } from '../directory/organizations/create-organization.js';
import { deleteOrganization } from '../directory/organizations/delete-organization.js';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson } from './with-organization.js';

/** `roster org`: organizations (tenants), with the rules of the admin API's /organizations routes. */
export function organizationCommand(config: () => Config): Command {
  const command = new Command('org').description(
    'Organizations (tenants): every other command works in one, chosen with --org',
  );

  command
    .command('create')
    .description('Create an organization (it starts with its Default auth policy)')
    .argument('<name>', 'unique in the installation')
    .option('--json', 'print JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization = await createOrganization(deps, name);
        if (options.json) printJson(organization);
        else
          console.log(
            `Created organization "${organization.name}" (${organization.id}); use it with --org ${JSON.stringify(organization.name)}.`,
          );
      });
    });

  command
    .command('list')
    .description('List organizations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organizations = await listOrganizations(deps);
        if (options.json) {
          printJson(organizations);
          return;
        }
        console.log(
          formatTable(
            ['NAME', 'ID', 'CREATED'],
            organizations.map((o) => [o.name, o.id, o.createdAt]),
          ),
        );
      });
    });

  command
    .command('show')
    .description('Show an organization with its integrations and how many identities it has')
    .argument('<organization>', 'organization name or id')
    .option('--json', 'print JSON')
    .action(async (text: string, options: { json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization = await organizationNamed(deps.store, text);
        const scope = { organizationId: organization.id };
        const integrations = await listIntegrations(deps, scope);
        const { identities } = await organizationSummary(deps, scope);
        if (options.json) {
          printJson({ ...organization, integrations: integrations.map((i) => i.name), identities });
          return;
        }
        console.log(`Organization "${organization.name}" (${organization.id})`);
        console.log(`  created:      ${organization.createdAt}`);
        console.log(`  integrations: ${integrations.map((i) => i.name).join(', ') || '-'}`);
        console.log(`  identities:   ${identities}`);
      });
    });

  command
    .command('delete')
    .description(
      'Delete an organization and everything in it (its identities too); never "default", and with integrations only with --force',
    )
    .argument('<organization>', 'organization name or id')
    .option('--force', 'delete it even though it still has integrations')
    .option('--json', 'print JSON')
    .action(async (text: string, options: { force?: boolean; json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization = await organizationNamed(deps.store, text);
        const deleted = await deleteOrganization(deps, organization.id, {
          force: options.force === true,
        });
        if (options.json) {
          printJson(deleted);
          return;
        }
        console.log(
          `Deleted organization "${organization.name}" (${organization.id}) with ${deleted.integrations} ` +
            `integration(s), ${deleted.identities} identities and ${deleted.adminKeys} admin key(s).`,
        );
      });
    });

  return command;
}
