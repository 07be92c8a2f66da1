import { listRoles } from '../directory/roles/list-roles.js';
import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { Command } from 'commander';
import { createRole } from '../directory/roles/create-role.js';
import { deleteRole } from '../directory/roles/delete-role.js';
import { updateRole } from '../directory/roles/update-role.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Role } from '../directory/model/role.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { splitList } from './split-list.js';
import { printJson, withOrganization } from './with-organization.js';

function describe(role: Role): string {
  const permissions = role.permissions.length === 0 ? 'no permissions' : role.permissions.join(', ');
  return `"${role.name}" (${role.id}): ${permissions}`;
}

/** `roster role`: named sets of permissions that directory groups carry. */
export function roleCommand(config: () => Config): Command {
  const command = new Command('role').description('Roles: named sets of permissions, granted through groups');

  command
    .command('list')
    .description('List roles with their permissions')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const roles = await listRoles(deps, { organizationId: organization.id });
        if (options.json) {
          printJson(roles);
          return;
        }
        if (roles.length === 0) {
          console.log('No roles.');
          return;
        }
        console.log(
          formatTable(
            ['ID', 'NAME', 'PERMISSIONS'],
            roles.map((r) => [r.id, r.name, r.permissions.join(', ') || '-']),
          ),
        );
      });
    });

  command
    .command('create')
    .description('Create a role')
    .requiredOption('--name <name>', 'unique within the organization')
    .requiredOption('--permissions <list>', 'comma-separated permissions, e.g. billing:read,billing:write')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { name: string; permissions: string; org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const role = await createRole(deps, organization.id, {
          name: options.name,
          permissions: splitList(options.permissions),
        });
        if (options.json) printJson(role);
        else console.log(`Created role ${describe(role)}.`);
      });
    });

  command
    .command('update')
    .description('Rename a role and/or replace its permissions')
    .argument('<role>', 'role id or name (any case)')
    .option('--name <name>', 'new name')
    .option('--permissions <list>', 'the new comma-separated permissions (replaces them all)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (id: string, options: { name?: string; permissions?: string; org: string; json?: boolean }) => {
        await withOrganization(config(), options.org, async ({ deps, organization }) => {
          const { id: roleId } = await resolveByIdOrName(deps.store, organization.id, 'role', id);
          const role = await updateRole(deps, organization.id, roleId, {
            name: options.name,
            permissions: options.permissions === undefined ? undefined : splitList(options.permissions),
          });
          if (options.json) printJson(role);
          else console.log(`Updated role ${describe(role)}.`);
        });
      },
    );

  command
    .command('delete')
    .description('Delete a role; groups that carried it lose it')
    .argument('<role>', 'role id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const { id: roleId } = await resolveByIdOrName(deps.store, organization.id, 'role', id);
        const role = await deleteRole(deps, organization.id, roleId);
        if (options.json) printJson(role);
        else console.log(`Deleted role "${role.name}" (${role.id}).`);
      });
    });

  return command;
}
