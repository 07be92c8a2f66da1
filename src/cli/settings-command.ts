import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import { Option, type Command } from 'commander';
import { applyIntegrationSettings } from '../directory/integrations/apply-integration-settings.js';
import {
  parseSettingsChange,
  settingsAsOptions,
  type SettingsOptions,
} from '../directory/integrations/parse-settings-change.js';
import { previewIntegrationSettings } from '../directory/integrations/preview-integration-settings.js';
import { showIntegrationSettings } from '../directory/integrations/show-integration-settings.js';
import { InvalidDirectoryInput } from '../directory/directory-error.js';
import {
  compatibilityModes,
  groupNestingModes,
  identityNameSources,
  relinkKeys,
} from '../directory/model/integration-settings.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { formatRemapPreview } from './format-remap.js';
import { printJson, withOrganization } from './with-organization.js';

const settingNames: readonly [keyof SettingsOptions, string][] = [
  ['identityName', 'identity-name'],
  ['identityNameFallback', 'identity-name-fallback'],
  ['externalId', 'external-id'],
  ['authPolicy', 'auth-policy'],
  ['attributesFrom', 'attributes-from'],
  ['groupNames', 'group-names'],
  ['unmappedGroups', 'unmapped-groups'],
  ['onDelete', 'on-delete'],
  ['relink', 'relink'],
  ['compatibility', 'compatibility'],
  ['groupNesting', 'group-nesting'],
  ['schemaExtensions', 'schema-extensions'],
  ['attributeMappings', 'attribute-mappings'],
  ['profileMappings', 'profile-mappings'],
];

/** `roster integration settings|set`: how an integration turns SCIM users into identities. */
export function addSettingsCommands(integration: Command, config: () => Config): void {
  integration
    .command('settings')
    .description('Show how an integration turns SCIM users into identities (every setting and its default)')
    .argument('<integration>', 'integration id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        ({ id } = await resolveByIdOrName(deps.store, organization.id, 'integration', id));
        const view = await showIntegrationSettings(deps, organization.id, id);
        if (options.json) {
          printJson({ integrationId: id, settings: view.settings, defaults: view.defaults });
          return;
        }
        const defaults = settingsAsOptions(view.defaults);
        const current = {
          ...settingsAsOptions(view.settings),
          ...(view.authPolicy ? { authPolicy: `${view.authPolicy.id} (${view.authPolicy.name})` } : {}),
        };
        console.log(`Settings of integration "${view.integration.name}" (${id}):`);
        console.log(
          formatTable(
            ['SETTING', 'VALUE', 'DEFAULT'],
            settingNames.map(([key, flag]) => [flag, current[key], defaults[key]]),
          ),
        );
        console.log(`Change them with: roster integration set ${id} --<setting> <value> [--preview]`);
      });
    });

  integration
    .command('set')
    .description('Change settings and queue a remap of the identities already synced (--preview: dry run)')
    .argument('<integration>', 'integration id or name (any case)')
    .addOption(
      new Option('--identity-name <field>', 'SCIM field that names the identity').choices(
        identityNameSources,
      ),
    )
    .option(
      '--identity-name-fallback <fields>',
      'fields tried in order when the identity name is empty, comma-separated (userName last); "default" or "none"',
    )
    .option('--external-id <source>', 'sign-in external ID: none, userName, primaryEmail or a SCIM path')
    .option('--auth-policy <policy>', 'auth policy id or name, or "default"')
    .option('--attributes-from <sources>', 'enabled attribute sources: groups,roles,entitlements, or none')
    .addOption(
      new Option(
        '--group-names <mode>',
        'group-name attributes follow renames or keep the first seen',
      ).choices(['follow', 'first-seen']),
    )
    .addOption(
      new Option('--unmapped-groups <what>', 'IdP groups without a mapping').choices(['create', 'ignore']),
    )
    .addOption(
      new Option('--on-delete <what>', 'what a SCIM DELETE does to the identity').choices([
        'deactivate',
        'delete',
      ]),
    )
    .addOption(
      new Option('--relink <key>', 'a new SCIM user continues a deleted identity matching on').choices([
        ...relinkKeys,
      ]),
    )
    .addOption(
      new Option('--compatibility <mode>', 'lenient: what IdPs send; strict: RFC 7644 exactly').choices([
        ...compatibilityModes,
      ]),
    )
    .addOption(
      new Option(
        '--group-nesting <mode>',
        'nested: groups inherited through group members count; direct: only groups listing the user',
      ).choices([...groupNestingModes]),
    )
    .option(
      '--schema-extensions <urns>',
      'custom schema extension URNs the integration accepts (comma-separated, or none)',
    )
    .option(
      '--attribute-mappings <items>',
      'identity attributes from user attributes: path[=template] separated by ";" (template {name}:{value}), or none',
    )
    .option(
      '--profile-mappings <items>',
      'profile fields from user attributes: field=path separated by ";" (e.g. department=urn:…:User:dept), or none',
    )
    .option('--preview', 'show what would change; save nothing')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (id: string, options: SettingsOptions & { preview?: boolean; org: string; json?: boolean }) => {
        const change = parseSettingsChange(options);
        if (!change.ok) throw new InvalidDirectoryInput('invalid_settings', change.error);
        await withOrganization(config(), options.org, async ({ deps, organization }) => {
          ({ id } = await resolveByIdOrName(deps.store, organization.id, 'integration', id));
          const policy = change.value.authPolicyId;
          if (typeof policy === 'string') {
            change.value.authPolicyId = (
              await resolveByIdOrName(deps.store, organization.id, 'auth policy', policy)
            ).id;
          }
          if (options.preview) {
            const { settings, preview } = await previewIntegrationSettings(
              deps,
              organization.id,
              id,
              change.value,
            );
            if (options.json) printJson({ settings, preview });
            else console.log(formatRemapPreview(preview));
            return;
          }
          const { settings, job } = await applyIntegrationSettings(deps, organization.id, id, change.value);
          if (options.json) {
            printJson({ settings, job });
            return;
          }
          const org = options.org === DEFAULT_ORGANIZATION ? '' : ` --org ${options.org}`;
          console.log(`Saved the settings of integration ${id}; new SCIM writes use them now.`);
          console.log(`Queued remap job ${job.id} for the ${job.total} identities already synced.`);
          console.log(`Watch it with: roster remap watch ${job.id}${org}`);
          console.log(`(A running "roster serve" carries it out; where none runs: roster remap run${org})`);
        });
      },
    );
}
