import { listJwtSigners } from '../directory/jwt-signers/list-jwt-signers.js';
import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { createJwtSigner } from '../directory/jwt-signers/create-jwt-signer.js';
import { deleteJwtSigner } from '../directory/jwt-signers/delete-jwt-signer.js';
import { updateJwtSigner } from '../directory/jwt-signers/update-jwt-signer.js';
import { explainSignIn, type SignInExplanation } from '../directory/sign-in/explain-sign-in.js';
import { signInServices } from '../directory/sign-in/sign-in-settings.js';
import { systemClock } from './open-database.js';
import { splitList } from './split-list.js';
import { InvalidDirectoryInput } from '../directory/directory-error.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { JwtSigner } from '../directory/model/jwt-signer.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson, withOrganization } from './with-organization.js';

function readKeyFile(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidDirectoryInput('invalid_jwt_signer', [
      `Cannot read the public key file "${file}": ${reason}`,
    ]);
  }
}

function keySource(signer: JwtSigner): string {
  return signer.jwksUrl ?? 'PEM public key';
}

function describe(signer: JwtSigner): string {
  return [
    `JWT signer "${signer.name}" (${signer.id})${signer.enabled ? '' : ' [disabled]'}`,
    `  issuer:   ${signer.issuer}`,
    `  audience: ${signer.audience}`,
    `  key:      ${keySource(signer)}`,
    `  claim:    ${signer.externalIdClaim} (matched against the identity's sign-in external ID)`,
    `  algs:     ${signer.algorithms?.join(', ') ?? 'the asymmetric family of its key'}`,
  ].join('\n');
}

function describeTest(explained: SignInExplanation): string {
  const mark = { passed: 'ok  ', failed: 'FAIL', not_checked: '-   ' } as const;
  const lines = explained.steps.map((s) => `  ${mark[s.result]} ${s.step.padEnd(10)} ${s.detail}`);
  const verdict = explained.wouldSignIn
    ? `This token WOULD sign in (identity ${explained.identityId}) through "${explained.signer.name}".`
    : `This token would NOT sign in through "${explained.signer.name}": ${explained.refusal?.code} (${explained.refusal?.message})`;
  return [...lines, verdict].join('\n');
}

/** `--algorithms RS256,ES256`; "default" (on update) goes back to the key's family. */
function algorithmsOption(text: string | undefined): readonly string[] | null | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'default') return null;
  return splitList(text);
}

interface SignerOptions {
  name?: string;
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
  publicKeyFile?: string;
  claim?: string;
  algorithms?: string;
  org: string;
  json?: boolean;
}

/** `roster jwt-signer`: the issuers whose JWTs identities sign in with. */
export function jwtSignerCommand(config: () => Config): Command {
  const command = new Command('jwt-signer').description(
    'JWT signers: issuers (with their keys) whose tokens identities sign in with',
  );

  command
    .command('list')
    .description('List JWT signers')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const signers = await listJwtSigners(deps, { organizationId: organization.id });
        if (options.json) {
          printJson(signers);
          return;
        }
        if (signers.length === 0) {
          console.log('No JWT signers.');
          return;
        }
        const rows = signers.map((s) => [
          s.id,
          s.name,
          s.issuer,
          s.audience,
          keySource(s),
          s.externalIdClaim,
          s.enabled ? 'enabled' : 'disabled',
        ]);
        console.log(formatTable(['ID', 'NAME', 'ISSUER', 'AUDIENCE', 'KEY', 'CLAIM', 'STATE'], rows));
      });
    });

  command
    .command('create')
    .description('Add a JWT signer (a JWKS URL or a PEM public key)')
    .requiredOption('--name <name>', 'unique within the organization')
    .requiredOption('--issuer <iss>', 'the "iss" claim its tokens carry')
    .requiredOption('--audience <aud>', 'the "aud" claim its tokens must carry')
    .option('--jwks-url <url>', 'where its keys are published (https; http only for localhost)')
    .option('--public-key-file <file>', 'a PEM public key ("-----BEGIN PUBLIC KEY-----")')
    .option('--claim <claim>', "the claim matched against the identity's sign-in external ID", 'sub')
    .option('--algorithms <list>', 'comma-separated JWS algorithms (default: the family of its key)')
    .option('--disabled', 'create it disabled')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: SignerOptions & { disabled?: boolean }) => {
      const publicKeyPem = readKeyFile(options.publicKeyFile);
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const signer = await createJwtSigner(deps, organization.id, {
          name: options.name ?? '',
          issuer: options.issuer ?? '',
          audience: options.audience ?? '',
          jwksUrl: options.jwksUrl,
          publicKeyPem,
          externalIdClaim: options.claim,
          enabled: !options.disabled,
          algorithms: algorithmsOption(options.algorithms),
        });
        if (options.json) printJson(signer);
        else console.log(`Created ${describe(signer)}`);
      });
    });

  command
    .command('update')
    .description('Change a JWT signer (a new key source replaces the old one)')
    .argument('<signer>', 'JWT signer id or name (any case)')
    .option('--name <name>', 'new name')
    .option('--issuer <iss>', 'new issuer')
    .option('--audience <aud>', 'new audience')
    .option('--jwks-url <url>', 'use this JWKS URL (drops the PEM key)')
    .option('--public-key-file <file>', 'use this PEM public key (drops the JWKS URL)')
    .option('--claim <claim>', 'new external ID claim')
    .option('--algorithms <list>', 'comma-separated JWS algorithms, or "default"')
    .option('--enabled', 'enable it')
    .option('--disabled', 'disable it')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: SignerOptions & { enabled?: boolean; disabled?: boolean }) => {
      if (options.enabled && options.disabled) {
        throw new InvalidDirectoryInput('invalid_jwt_signer', [
          'Give at most one of --enabled and --disabled.',
        ]);
      }
      const publicKeyPem = readKeyFile(options.publicKeyFile);
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'JWT signer', id);
        const signer = await updateJwtSigner(deps, organization.id, target.id, {
          name: options.name,
          issuer: options.issuer,
          audience: options.audience,
          jwksUrl: options.jwksUrl,
          publicKeyPem,
          externalIdClaim: options.claim,
          enabled: options.enabled ? true : options.disabled ? false : undefined,
          algorithms: algorithmsOption(options.algorithms),
        });
        if (options.json) printJson(signer);
        else console.log(`Updated ${describe(signer)}`);
      });
    });

  command
    .command('test <signer>')
    .description('Explain step by step why a token would or would not sign in through a signer (id or name)')
    .requiredOption('--token <jwt>', 'the ID token or access token to test')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (wanted: string, options: { token: string; org: string; json?: boolean }) => {
      const cfg = config();
      await withOrganization(cfg, options.org, async ({ deps, organization }) => {
        const signer = await resolveByIdOrName(deps.store, organization.id, 'JWT signer', wanted);
        const explained = await explainSignIn(
          { store: deps.store, clock: systemClock, signIn: signInServices(systemClock, cfg.signIn) },
          organization.id,
          signer.id,
          options.token,
        );
        if (options.json) printJson({ ...explained, signer: undefined, signerId: explained.signer.id });
        else console.log(describeTest(explained));
        if (!explained.wouldSignIn) process.exitCode = 3;
      });
    });

  command
    .command('delete')
    .description('Delete a JWT signer; auth policies stop listing it')
    .argument('<signer>', 'JWT signer id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const target = await resolveByIdOrName(deps.store, organization.id, 'JWT signer', id);
        const { signer, policies } = await deleteJwtSigner(deps, organization.id, target.id);
        if (options.json) {
          printJson({ signer, policies });
          return;
        }
        console.log(`Deleted JWT signer "${signer.name}" (${signer.id}).`);
        for (const policy of policies)
          console.log(`Removed it from auth policy "${policy.name}" (${policy.id}).`);
      });
    });

  return command;
}
