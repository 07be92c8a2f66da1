import { Command } from 'commander';
import { addGroupMapping, previewAddGroupMapping } from '../directory/groups/add-group-mapping.js';
import { listGroupMappings } from '../directory/groups/list-group-mappings.js';
import { previewRemoveGroupMapping, removeGroupMapping } from '../directory/groups/remove-group-mapping.js';
import type { RemapJob } from '../directory/model/remap-job.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatRemapPreview } from './format-remap.js';
import { formatTable } from './format-table.js';
import { printJson, withIntegration } from './with-organization.js';

/** What a queued remap job means for the operator, as every mapping change prints it. */
function queuedJob(job: RemapJob, org: string): string[] {
  const suffix = org === DEFAULT_ORGANIZATION ? '' : ` --org ${org}`;
  return [
    `Queued remap job ${job.id} for the ${job.total} identities already synced; watch it with: roster remap watch ${job.id}${suffix}`,
    `(A running "roster serve" carries it out; where none runs: roster remap run)`,
  ];
}

/** `roster group-mapping`: which IdP group becomes which directory group, per integration. */
export function groupMappingCommand(config: () => Config): Command {
  const command = new Command('group-mapping').description(
    'Map IdP groups (by SCIM id or displayName) to directory groups, per integration',
  );

  command
    .command('list')
    .description("List an integration's group mappings")
    .argument('<integration>', 'integration id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, options: { org: string; json?: boolean }) => {
      await withIntegration(
        config(),
        options.org,
        integrationId,
        async ({ deps, organization, integration }) => {
          const mappings = await listGroupMappings(deps, organization.id, integration.id);
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
        },
      );
    });

  command
    .command('add')
    .description(
      'Map an IdP group to a directory group (created by name if it does not exist); queues a remap of the identities already synced (--preview: dry run)',
    )
    .argument('<integration>', 'integration id or name (any case)')
    .option('--idp-group-id <scimId>', "the IdP group's SCIM id")
    .option('--idp-group-name <displayName>', "the IdP group's displayName (case-insensitive)")
    .requiredOption('--group <nameOrId>', 'directory group name or id')
    .option('--preview', 'show what would change; save nothing')
    .option('--org <organization>', 'organization name or id', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (
        integrationText: string,
        options: {
          idpGroupId?: string;
          idpGroupName?: string;
          group: string;
          preview?: boolean;
          org: string;
          json?: boolean;
        },
      ) => {
        await withIntegration(
          config(),
          options.org,
          integrationText,
          async ({ deps, organization, integration: { id: integrationId } }) => {
            const input = {
              idpGroupId: options.idpGroupId,
              idpGroupName: options.idpGroupName,
              group: options.group,
            };
            const what =
              options.idpGroupId !== undefined
                ? `with SCIM id ${options.idpGroupId.trim()}`
                : `named "${options.idpGroupName?.trim()}"`;
            if (options.preview) {
              const previewed = await previewAddGroupMapping(deps, organization.id, integrationId, input);
              if (options.json) {
                printJson(previewed);
                return;
              }
              const target = previewed.groupCreated
                ? `a new directory group "${previewed.group.name}"`
                : `directory group "${previewed.group.name}" (${previewed.group.id})`;
              console.log(`Would map IdP group ${what} to ${target}.`);
              for (const old of previewed.replaced)
                console.log(`Would replace the automatic mapping ${old.id}.`);
              console.log(formatRemapPreview(previewed.preview));
              return;
            }
            const added = await addGroupMapping(deps, organization.id, integrationId, input);
            if (options.json) {
              printJson(added);
              return;
            }
            const { mapping, group } = added;
            if (added.groupCreated) console.log(`Created directory group "${group.name}" (${group.id}).`);
            console.log(
              `Mapped IdP group ${what} to directory group "${group.name}" (mapping ${mapping.id}).`,
            );
            for (const old of added.replaced) console.log(`Replaced the automatic mapping ${old.id}.`);
            for (const line of queuedJob(added.job, options.org)) console.log(line);
          },
        );
      },
    );

  command
    .command('remove')
    .description(
      'Remove a group mapping (the directory group stays); queues a remap of the identities already synced (--preview: dry run)',
    )
    .argument('<integration>', 'integration id or name (any case)')
    .argument('<mappingId>', 'the mapping id (see group-mapping list)')
    .option('--preview', 'show what would change; save nothing')
    .option('--org <organization>', 'organization name or id', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(
      async (
        integrationText: string,
        mappingId: string,
        options: { preview?: boolean; org: string; json?: boolean },
      ) => {
        await withIntegration(
          config(),
          options.org,
          integrationText,
          async ({ deps, organization, integration: { id: integrationId } }) => {
            if (options.preview) {
              const previewed = await previewRemoveGroupMapping(
                deps,
                organization.id,
                integrationId,
                mappingId,
              );
              if (options.json) printJson(previewed);
              else {
                console.log(`Would remove group mapping ${previewed.mapping.id}.`);
                console.log(formatRemapPreview(previewed.preview));
              }
              return;
            }
            const removed = await removeGroupMapping(deps, organization.id, integrationId, mappingId);
            if (options.json) {
              printJson(removed);
              return;
            }
            console.log(`Removed group mapping ${removed.mapping.id}.`);
            for (const line of queuedJob(removed.job, options.org)) console.log(line);
          },
        );
      },
    );

  return command;
}
