import { listAdminKeys } from '../directory/admin-keys/list-admin-keys.js';
import { listOrganizations } from '../directory/organizations/list-organizations.js';
import { withDirectory } from './with-organization.js';
import { Command } from 'commander';
import { createAdminKey } from '../directory/admin-keys/create-admin-key.js';
import { revokeAdminKey } from '../directory/admin-keys/revoke-admin-key.js';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import { InvalidDirectoryInput } from '../directory/directory-error.js';
import type { AdminKey } from '../directory/model/admin-key.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';

function scopeText(key: AdminKey, names: ReadonlyMap<string, string>): string {
  return key.organizationId === null
    ? 'installation'
    : `org ${names.get(key.organizationId) ?? key.organizationId}`;
}

/** `roster admin-key`: keys for the admin API (/api/v1), for one organization or the whole installation. */
export function adminKeyCommand(config: () => Config): Command {
  const command = new Command('admin-key').description('Manage admin API keys (shown once, stored hashed)');

  command
    .command('create')
    .description('Create a key; prints it once')
    .requiredOption('--name <name>', 'what the key is for (shown in lists)')
    .option('--org <organization>', 'limit the key to this organization (name or id)')
    .option('--installation', 'a key for the whole installation (every organization)')
    .option('--json', 'print JSON')
    .action(async (options: { name: string; org?: string; installation?: boolean; json?: boolean }) => {
      if ((options.org === undefined) === (options.installation !== true)) {
        throw new InvalidDirectoryInput('invalid_scope', [
          'Choose exactly one of --org <organization> and --installation.',
        ]);
      }
      await withDirectory(config(), async (deps) => {
        const organization =
          options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
        const { key, secret } = await createAdminKey(deps, {
          name: options.name,
          organizationId: organization?.id ?? null,
        });
        if (options.json) {
          console.log(JSON.stringify({ ...key, secret }, null, 2));
          return;
        }
        const scope = organization ? `organization "${organization.name}"` : 'the whole installation';
        console.log(`Created admin key "${key.name}" (${key.id}) for ${scope}.`);
        console.log(`Key: ${secret}`);
        console.log(
          'It is shown only now; Roster keeps only its hash. Send it as: Authorization: Bearer <key>',
        );
      });
    });

  command
    .command('list')
    .description('List admin keys (never the keys themselves)')
    .option('--org <organization>', 'only keys of this organization (name or id)')
    .option('--json', 'print JSON')
    .action(async (options: { org?: string; json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization =
          options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
        const keys = await listAdminKeys(deps, organization?.id);
        if (options.json) {
          console.log(JSON.stringify(keys, null, 2));
          return;
        }
        if (keys.length === 0) {
          console.log('No admin keys.');
          return;
        }
        const names = new Map((await listOrganizations(deps)).map((o) => [o.id, o.name] as const));
        console.log(
          formatTable(
            ['ID', 'NAME', 'SCOPE', 'KEY', 'LAST USED', 'REVOKED'],
            keys.map((k) => [
              k.id,
              k.name,
              scopeText(k, names),
              k.hint,
              k.lastUsedAt ?? 'never',
              k.revokedAt ?? '-',
            ]),
          ),
        );
      });
    });

  command
    .command('revoke <id>')
    .description('Revoke a key; it stops working at once')
    .action(async (id: string) => {
      await withDirectory(config(), async (deps) => {
        const key = await revokeAdminKey(deps, id);
        console.log(`Revoked admin key "${key.name}" (${key.id}) at ${key.revokedAt ?? ''}.`);
      });
    });

  return command;
}
