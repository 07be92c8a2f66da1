import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { listIdentities } from '../directory/identities/list-identities.js';
import { showIdentity, type IdentityDetails } from '../directory/identities/show-identity.js';
import { explainIdentity, type IdentityExplanation } from '../directory/nested-groups/explain-identity.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson, withOrganization } from './with-organization.js';

interface ListOptions {
  status?: string;
  integration?: string;
  group?: string;
  attribute?: string;
  search?: string;
  limit?: number;
  after?: string;
  org: string;
  json?: boolean;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('a whole number');
  return Number(value);
}

function formatIdentity(details: IdentityDetails): string {
  const { identity, integration, authPolicy } = details;
  const source = integration
    ? `integration "${integration.name}" (${integration.id}), SCIM user ${identity.scimResourceId ?? '-'}`
    : identity.sourceIntegrationId === null
      ? 'none (not managed by an integration)'
      : `integration ${identity.sourceIntegrationId}, SCIM user ${identity.scimResourceId ?? '-'}`;
  const lines = [
    `Identity "${identity.name}" (${identity.id})`,
    `  status:              ${identity.status}`,
    `  source:              ${source}`,
    `  sign-in external ID: ${identity.signInExternalId ?? 'none'}`,
    `  auth policy:         ${authPolicy ? `${authPolicy.name} (${authPolicy.id})` : 'Default'}`,
    `  attributes:          ${identity.attributes.join(', ') || '-'}`,
    `  groups:              ${details.groups.map((g) => `${g.name} (${g.id})`).join(', ') || '-'}`,
    `  roles:               ${details.roles.length === 0 ? '-' : ''}`,
  ];
  for (const role of details.roles) {
    lines.push(`    ${role.name} (${role.id}): ${role.permissions.join(', ') || 'no permissions'}`);
  }
  lines.push(`  permissions:         ${details.permissions.join(', ') || '-'}`);
  lines.push(
    `  created ${identity.createdAt}, updated ${identity.updatedAt}, last synced ${identity.lastSyncedAt ?? 'never'}`,
  );
  const profile = Object.entries(identity.profile);
  lines.push(`  profile:${profile.length === 0 ? ' -' : ''}`);
  for (const [field, value] of profile) {
    lines.push(`    ${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** `roster identity`: the people (and workloads) the app knows. */
export function identityCommand(config: () => Config): Command {
  const command = new Command('identity').description('List and inspect identities');

  command
    .command('list')
    .description('List identities, one page at a time (id order)')
    .addOption(new Option('--status <status>', 'only this status').choices(['active', 'disabled', 'deleted']))
    .option('--integration <integration>', 'only identities this integration (id or name) manages')
    .option('--group <group>', 'only members of this directory group (id or name)')
    .option('--attribute <value>', 'only identities carrying this attribute')
    .option('--search <text>', 'name contains this text (case-insensitive)')
    .option('--limit <n>', 'page size (1-1000)', wholeNumber, 50)
    .option('--after <id>', 'the page after this identity id (printed at the end of a page)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const named = async (kind: 'integration' | 'directory group', text: string | undefined) =>
          text === undefined
            ? undefined
            : (await resolveByIdOrName(deps.store, organization.id, kind, text)).id;
        const page = await listIdentities(deps, organization.id, {
          status: options.status,
          integrationId: await named('integration', options.integration),
          groupId: await named('directory group', options.group),
          attribute: options.attribute,
          text: options.search,
          limit: options.limit,
          afterId: options.after,
        });
        if (options.json) {
          printJson({ identities: page.identities, next: page.next ?? null });
          return;
        }
        if (page.identities.length === 0) {
          console.log('No identities.');
          return;
        }
        const rows = page.identities.map((i) => [
          i.id,
          i.name,
          i.status,
          i.sourceIntegrationId === null
            ? '-'
            : (page.integrationNames.get(i.sourceIntegrationId) ?? i.sourceIntegrationId),
          i.attributes.join(', ') || '-',
        ]);
        console.log(formatTable(['ID', 'NAME', 'STATUS', 'INTEGRATION', 'ATTRIBUTES'], rows));
        console.log(page.next === undefined ? '(last page)' : `Next page: --after ${page.next}`);
      });
    });

  command
    .command('show <id>')
    .description('Show an identity: attributes, profile, groups, roles and permissions, source')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const details = await showIdentity(deps, organization.id, id);
        if (options.json) printJson(details);
        else console.log(formatIdentity(details));
      });
    });

  command
    .command('why <id>')
    .description(
      'Explain an identity: each group it is in and the chain of groups that puts it there, and where each attribute came from',
    )
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const explanation = await explainIdentity(deps, { organizationId: organization.id }, id);
        if (options.json) printJson(explanation);
        else console.log(formatExplanation(explanation));
      });
    });

  return command;
}

function formatExplanation(explanation: IdentityExplanation): string {
  const groups = formatTable(
    ['GROUP', 'CHAIN', 'COUNTS', 'DIRECTORY GROUP'],
    explanation.effectiveGroups.map((g) => [
      g.displayName,
      g.chain.map((link) => link.displayName).join(' > '),
      g.counts ? 'yes' : 'no (direct nesting)',
      g.directoryGroupId ?? '-',
    ]),
  );
  const attributes = formatTable(
    ['ATTRIBUTE', 'FROM'],
    explanation.attributes.map((a) => [
      a.attribute,
      a.origins
        .map((o) =>
          o.from === 'group' ? `group ${o.scimGroupId}${o.inherited ? ' (inherited)' : ''}` : o.from,
        )
        .join(', ') || '-',
    ]),
  );
  return `Effective groups of identity ${explanation.identityId}:\n${groups}\n\nAttributes and where they come from:\n${attributes}`;
}
