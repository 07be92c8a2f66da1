import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { Command } from 'commander';
import { assignGroupRoles } from '../directory/groups/assign-group-roles.js';
import { createDirectoryGroup } from '../directory/groups/create-directory-group.js';
import { deleteDirectoryGroup } from '../directory/groups/delete-directory-group.js';
import { listDirectoryGroups } from '../directory/groups/list-directory-groups.js';
import { renameDirectoryGroup } from '../directory/groups/rename-directory-group.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { splitList } from './split-list.js';
import { printJson, withOrganization } from './with-organization.js';

/** `roster group`: the organization's directory groups and the roles they carry. */
export function directoryGroupCommand(config: () => Config): Command {
  const command = new Command('group').description('Directory groups and the roles they carry');

  command
    .command('list')
    .description('List directory groups with their roles')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const groups = await listDirectoryGroups(deps, organization.id);
        if (options.json) {
          printJson(groups);
          return;
        }
        if (groups.length === 0) {
          console.log('No directory groups.');
          return;
        }
        const rows = groups.map((g) => [g.id, g.name, g.roles.map((r) => r.name).join(', ') || '-']);
        console.log(formatTable(['ID', 'NAME', 'ROLES'], rows));
      });
    });

  command
    .command('create <name>')
    .description('Create a directory group')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (name: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const group = await createDirectoryGroup(deps, organization.id, name);
        if (options.json) printJson(group);
        else console.log(`Created directory group "${group.name}" (${group.id}).`);
      });
    });

  command
    .command('rename')
    .description('Rename a directory group (its mappings, members and roles stay)')
    .argument('<group>', 'directory group id or name (any case)')
    .argument('<name>', 'the new name')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, name: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'directory group', id);
        const group = await renameDirectoryGroup(deps, organization.id, target.id, name);
        if (options.json) printJson(group);
        else console.log(`Renamed directory group "${target.name}" to "${group.name}" (${group.id}).`);
      });
    });

  command
    .command('delete')
    .description('Delete a directory group with its mappings and role grants')
    .argument('<group>', 'directory group id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'directory group', id);
        const group = await deleteDirectoryGroup(deps, organization.id, target.id);
        if (options.json) printJson(group);
        else console.log(`Deleted directory group "${group.name}" (${group.id}).`);
      });
    });

  command
    .command('roles')
    .description("Set the roles a directory group carries (replaces the group's roles)")
    .argument('<group>', 'directory group id or name (any case)')
    .requiredOption('--set <roles>', 'comma-separated role ids or names; "" for none')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (groupId: string, options: { set: string; org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'directory group', groupId);
        const { group, roles } = await assignGroupRoles(
          deps,
          organization.id,
          target.id,
          splitList(options.set),
        );
        if (options.json) {
          printJson({ group, roles });
          return;
        }
        console.log(
          roles.length === 0
            ? `Directory group "${group.name}" now carries no roles.`
            : `Directory group "${group.name}" now carries ${roles.map((r) => `"${r.name}"`).join(', ')}.`,
        );
      });
    });

  return command;
}
