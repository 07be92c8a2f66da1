import { listJwtSigners } from '../directory/jwt-signers/list-jwt-signers.js';
import { listAuthPolicies } from '../directory/auth-policies/list-auth-policies.js';
import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { Command } from 'commander';
import { createAuthPolicy } from '../directory/auth-policies/create-auth-policy.js';
import { deleteAuthPolicy } from '../directory/auth-policies/delete-auth-policy.js';
import { updateAuthPolicy } from '../directory/auth-policies/update-auth-policy.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { AuthPolicy } from '../directory/model/auth-policy.js';
import type { JwtSigner } from '../directory/model/jwt-signer.js';
import {
  describeRequiredClaim,
  type RequiredClaimFields,
} from '../directory/auth-policies/check-required-claims.js';
import { InvalidDirectoryInput } from '../directory/directory-error.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { splitList } from './split-list.js';
import { printJson, withOrganization } from './with-organization.js';

function signerNames(policy: AuthPolicy, signers: readonly JwtSigner[]): string {
  if (policy.isDefault) return 'every enabled signer';
  if (policy.signerIds.length === 0) return 'none';
  return policy.signerIds.map((id) => signers.find((s) => s.id === id)?.name ?? id).join(', ');
}

function claimRules(policy: AuthPolicy): string {
  return policy.requiredClaims.length === 0
    ? 'none'
    : policy.requiredClaims.map(describeRequiredClaim).join('; ');
}

function claimSuffix(policy: AuthPolicy): string {
  return policy.requiredClaims.length === 0 ? '' : `; required claims: ${claimRules(policy)}`;
}

/** `--require-claim amr=mfa` or `--require-claim acr=urn:a|urn:b`, repeatable. */
function collectClaim(text: string, previous: RequiredClaimFields[] = []): RequiredClaimFields[] {
  const at = text.indexOf('=');
  if (at <= 0) {
    throw new InvalidDirectoryInput('invalid_auth_policy', [
      `--require-claim takes CLAIM=VALUE[|VALUE...]; got "${text}".`,
    ]);
  }
  return [...previous, { claim: text.slice(0, at), anyOf: text.slice(at + 1).split('|') }];
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
        const policies = await listAuthPolicies(deps, { organizationId: organization.id });
        if (options.json) {
          printJson(policies);
          return;
        }
        const signers = await listJwtSigners(deps, { organizationId: organization.id });
        const rows = policies.map((p) => [
          p.id,
          p.isDefault ? `${p.name} (default)` : p.name,
          signerNames(p, signers),
          claimRules(p),
        ]);
        console.log(formatTable(['ID', 'NAME', 'SIGNERS', 'REQUIRED CLAIMS'], rows));
      });
    });

  command
    .command('create')
    .description('Create an auth policy')
    .requiredOption('--name <name>', 'unique within the organization')
    .option('--signers <list>', 'comma-separated JWT signer ids or names', '')
    .option(
      '--require-claim <claim=values>',
      'a claim tokens must carry, e.g. amr=mfa or acr=a|b (repeatable)',
      collectClaim,
    )
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (options: {
        name: string;
        signers: string;
        requireClaim?: RequiredClaimFields[];
        org: string;
        json?: boolean;
      }) => {
        await withOrganization(config(), options.org, async ({ deps, organization }) => {
          const policy = await createAuthPolicy(deps, organization.id, {
            name: options.name,
            signers: splitList(options.signers),
            requiredClaims: options.requireClaim,
          });
          if (options.json) {
            printJson(policy);
            return;
          }
          const signers = await listJwtSigners(deps, { organizationId: organization.id });
          console.log(
            `Created auth policy "${policy.name}" (${policy.id}); signers: ${signerNames(policy, signers)}${claimSuffix(policy)}.`,
          );
        });
      },
    );

  command
    .command('update')
    .description('Rename an auth policy and/or replace its signers')
    .argument('<policy>', 'auth policy id or name (any case)')
    .option('--name <name>', 'new name')
    .option('--signers <list>', 'the new comma-separated signer ids or names ("" for none)')
    .option('--require-claim <claim=values>', 'replaces the required claims (repeatable)', collectClaim)
    .option('--no-required-claims', 'require no claims')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        options: {
          name?: string;
          signers?: string;
          requireClaim?: RequiredClaimFields[];
          requiredClaims?: boolean;
          org: string;
          json?: boolean;
        },
      ) => {
        await withOrganization(config(), options.org, async ({ deps, organization }) => {
          const target = await resolveByIdOrName(deps.store, organization.id, 'auth policy', id);
          const policy = await updateAuthPolicy(deps, organization.id, target.id, {
            name: options.name,
            signers: options.signers === undefined ? undefined : splitList(options.signers),
            requiredClaims: options.requiredClaims === false ? [] : options.requireClaim,
          });
          if (options.json) {
            printJson(policy);
            return;
          }
          const signers = await listJwtSigners(deps, { organizationId: organization.id });
          console.log(
            `Updated auth policy "${policy.name}" (${policy.id}); signers: ${signerNames(policy, signers)}${claimSuffix(policy)}.`,
          );
        });
      },
    );

  command
    .command('delete')
    .description('Delete an auth policy (never the Default one)')
    .argument('<policy>', 'auth policy id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'auth policy', id);
        const policy = await deleteAuthPolicy(deps, organization.id, target.id);
        if (options.json) printJson(policy);
        else console.log(`Deleted auth policy "${policy.name}" (${policy.id}).`);
      });
    });

  return command;
}
