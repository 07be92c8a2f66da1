import { resolveByIdOrName } from '../directory/admin/resolve-by-id-or-name.js';
import { Command } from 'commander';
import { createAuthPolicy } from '../directory/admin/create-auth-policy.js';
import { deleteAuthPolicy } from '../directory/admin/delete-auth-policy.js';
import { updateAuthPolicy } from '../directory/admin/update-auth-policy.js';
import { DEFAULT_ORGANIZATION } from '../directory/integrations/ensure-default-organization.js';
import type { AuthPolicy, JwtSigner } from '../directory/ports.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { splitList } from './split-list.js';
import { printJson, withOrganization } from './with-organization.js';

function signerNames(policy: AuthPolicy, signers: readonly JwtSigner[]): string {
  if (policy.isDefault) return 'every enabled signer';
  if (policy.signerIds.length === 0) return 'none';
  return policy.signerIds.map((id) => signers.find((s) => s.id === id)?.name ?? id).join(', ');
}

/** `roster auth-policy`: which JWT signers an identity may sign in with. */
export function authPolicyCommand(config: () => Config): Command {
  const command = new Command('auth-policy').description(
    'Auth policies: the JWT signers an identity may sign in with',
  );

  command
    .command('list')
    .description('List auth policies with the signers they accept')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const policies = await deps.store.authPolicies.list(organization.id);
        if (options.json) {
          printJson(policies);
          return;
        }
        const signers = await deps.store.jwtSigners.list(organization.id);
        const rows = policies.map((p) => [
          p.id,
          p.isDefault ? `${p.name} (default)` : p.name,
          signerNames(p, signers),
        ]);
        console.log(formatTable(['ID', 'NAME', 'SIGNERS'], rows));
      });
    });

  command
    .command('create')
    .description('Create an auth policy')
    .requiredOption('--name <name>', 'unique within the organization')
    .option('--signers <list>', 'comma-separated JWT signer ids or names', '')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { name: string; signers: string; org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const policy = await createAuthPolicy(deps, organization.id, {
          name: options.name,
          signers: splitList(options.signers),
        });
        if (options.json) {
          printJson(policy);
          return;
        }
        const signers = await deps.store.jwtSigners.list(organization.id);
        console.log(
          `Created auth policy "${policy.name}" (${policy.id}); signers: ${signerNames(policy, signers)}.`,
        );
      });
    });

  command
    .command('update')
    .description('Rename an auth policy and/or replace its signers')
    .argument('<policy>', 'auth policy id or name (any case)')
    .option('--name <name>', 'new name')
    .option('--signers <list>', 'the new comma-separated signer ids or names ("" for none)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { name?: string; signers?: string; org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'auth policy', id);
        const policy = await updateAuthPolicy(deps, organization.id, target.id, {
          name: options.name,
          signers: options.signers === undefined ? undefined : splitList(options.signers),
        });
        if (options.json) {
          printJson(policy);
          return;
        }
        const signers = await deps.store.jwtSigners.list(organization.id);
        console.log(
          `Updated auth policy "${policy.name}" (${policy.id}); signers: ${signerNames(policy, signers)}.`,
        );
      });
    });

  command
    .command('delete')
    .description('Delete an auth policy (never the Default one)')
    .argument('<policy>', 'auth policy id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'auth policy', id);
        const policy = await deleteAuthPolicy(deps.store, organization.id, target.id);
        if (options.json) printJson(policy);
        else console.log(`Deleted auth policy "${policy.name}" (${policy.id}).`);
      });
    });

  return command;
}
