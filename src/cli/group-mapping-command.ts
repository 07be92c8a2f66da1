import { Command } from 'commander';
import { addGroupMapping } from '../directory/admin/add-group-mapping.js';
import { listGroupMappings } from '../directory/admin/list-group-mappings.js';
import { removeGroupMapping } from '../directory/admin/remove-group-mapping.js';
import { DEFAULT_ORGANIZATION } from '../directory/integrations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson, withOrganization } from './with-organization.js';

function remapHint(integrationId: string, org: string): string {
  const suffix = org === DEFAULT_ORGANIZATION ? '' : ` --org ${org}`;
  return `Identities already synced follow on the next remap: roster remap preview ${integrationId}${suffix}, then roster remap start ${integrationId}${suffix}`;
}

/** `roster group-mapping`: which IdP group becomes which directory group, per integration. */
export function groupMappingCommand(config: () => Config): Command {
  const command = new Command('group-mapping').description(
    'Map IdP groups (by SCIM id or displayName) to directory groups, per integration',
  );

  command
    .command('list <integrationId>')
    .description("List an integration's group mappings")
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const mappings = await listGroupMappings(deps.store, organization.id, integrationId);
        if (options.json) {
          printJson(mappings);
          return;
        }
        if (mappings.length === 0) {
          console.log('No group mappings.');
          return;
        }
        const rows = mappings.map((m) => [
          m.id,
          m.matchBy === 'id' ? 'SCIM id' : 'name',
          m.matchBy === 'id' && m.idpGroupName !== undefined
            ? `${m.idpGroup} (${m.idpGroupName})`
            : m.idpGroup,
          `${m.directoryGroupName} (${m.directoryGroupId})`,
          m.automatic ? 'automatic' : 'explicit',
        ]);
        console.log(formatTable(['ID', 'MATCH BY', 'IDP GROUP', 'DIRECTORY GROUP', 'KIND'], rows));
      });
    });

  command
    .command('add <integrationId>')
    .description('Map an IdP group to a directory group (created by name if it does not exist)')
    .option('--idp-group-id <scimId>', "the IdP group's SCIM id")
    .option('--idp-group-name <displayName>', "the IdP group's displayName (case-insensitive)")
    .requiredOption('--group <nameOrId>', 'directory group name or id')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (
        integrationId: string,
        options: { idpGroupId?: string; idpGroupName?: string; group: string; org: string; json?: boolean },
      ) => {
        await withOrganization(config(), options.org, async ({ deps, organization }) => {
          const added = await addGroupMapping(deps, organization.id, integrationId, {
            idpGroupId: options.idpGroupId,
            idpGroupName: options.idpGroupName,
            group: options.group,
          });
          if (options.json) {
            printJson(added);
            return;
          }
          const { mapping, group } = added;
          if (added.groupCreated) console.log(`Created directory group "${group.name}" (${group.id}).`);
          const what =
            mapping.matchBy === 'id'
              ? `with SCIM id ${mapping.idpGroup}`
              : `named "${options.idpGroupName?.trim()}"`;
          console.log(`Mapped IdP group ${what} to directory group "${group.name}" (mapping ${mapping.id}).`);
          for (const old of added.replaced) console.log(`Replaced the automatic mapping ${old.id}.`);
          console.log(remapHint(integrationId, options.org));
        });
      },
    );

  command
    .command('remove <integrationId> <mappingId>')
    .description('Remove a group mapping (the directory group stays)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, mappingId: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const removed = await removeGroupMapping(deps.store, organization.id, integrationId, mappingId);
        if (options.json) {
          printJson(removed);
          return;
        }
        console.log(`Removed group mapping ${removed.id}.`);
        console.log(remapHint(integrationId, options.org));
      });
    });

  return command;
}
