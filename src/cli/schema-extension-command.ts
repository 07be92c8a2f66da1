import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { extensionSchemaJson } from '../core/schema/extension-schema.js';
import type { SchemaExtension } from '../directory/model/schema-extension.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import { defineSchemaExtension } from '../directory/schema-extensions/define-schema-extension.js';
import { deleteSchemaExtension } from '../directory/schema-extensions/delete-schema-extension.js';
import { schemaExtensionInOrganization } from '../directory/schema-extensions/find-schema-extension.js';
import { replaceSchemaExtension } from '../directory/schema-extensions/replace-schema-extension.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { printJson, withOrganization } from './with-organization.js';

function view(extension: SchemaExtension) {
  return {
    id: extension.id,
    version: extension.version,
    createdAt: extension.createdAt,
    updatedAt: extension.updatedAt,
    ...extensionSchemaJson(extension.definition),
  };
}

async function readDefinition(file: string): Promise<unknown> {
  const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  return JSON.parse(text) as unknown;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `roster schema-extension`: custom SCIM schema extensions (docs/schema-extensions.md). */
export function schemaExtensionCommand(config: () => Config): Command {
  const command = new Command('schema-extension').description(
    'Custom SCIM schema extensions that integrations can accept (RFC 7643 §3.3)',
  );
  const orgOption = ['--org <organization>', 'organization name', DEFAULT_ORGANIZATION] as const;

  command
    .command('list')
    .description('List the schema extensions of an organization')
    .option(...orgOption)
    .option('--json', 'print JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const extensions = await deps.store.schemaExtensions.list({ organizationId: organization.id });
        if (options.json) {
          printJson(extensions.map(view));
          return;
        }
        if (extensions.length === 0) {
          console.log('No schema extensions.');
          return;
        }
        console.log(
          formatTable(
            ['ID', 'URN', 'TYPE', 'VERSION', 'ATTRIBUTES'],
            extensions.map((e) => [
              e.id,
              e.definition.schema.id,
              e.definition.resourceType,
              String(e.version),
              e.definition.schema.attributes.map((a) => a.name).join(', '),
            ]),
          ),
        );
      });
    });

  command
    .command('show')
    .description('Show one schema extension as JSON')
    .argument('<extension>', 'id or URN')
    .option(...orgOption)
    .action(async (idOrUrn: string, options: { org: string }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        printJson(view(await schemaExtensionInOrganization(deps.store, organization.id, idOrUrn)));
      });
    });

  command
    .command('define')
    .description('Define a schema extension from a JSON file (the admin API body; "-" reads stdin)')
    .requiredOption('--file <path>', 'JSON definition: urn, resourceType, name, description, attributes')
    .option(...orgOption)
    .option('--json', 'print JSON')
    .action(async (options: { file: string; org: string; json?: boolean }) => {
      const body = await readDefinition(options.file);
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const extension = await defineSchemaExtension(deps, organization.id, body);
        if (options.json) printJson(view(extension));
        else console.log(`Defined ${extension.definition.schema.id} (${extension.id}), version 1.`);
      });
    });

  command
    .command('replace')
    .description('Replace a definition (a new version); a change that breaks stored data is refused')
    .argument('<extension>', 'id or URN')
    .requiredOption('--file <path>', 'JSON definition ("-" reads stdin)')
    .option(...orgOption)
    .option('--json', 'print JSON')
    .action(async (idOrUrn: string, options: { file: string; org: string; json?: boolean }) => {
      const body = await readDefinition(options.file);
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const extension = await replaceSchemaExtension(deps, organization.id, idOrUrn, body);
        if (options.json) printJson(view(extension));
        else console.log(`Saved ${extension.definition.schema.id}, version ${extension.version}.`);
      });
    });

  command
    .command('delete')
    .description('Delete a schema extension no integration accepts')
    .argument('<extension>', 'id or URN')
    .option(...orgOption)
    .action(async (idOrUrn: string, options: { org: string }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const extension = await deleteSchemaExtension(deps, organization.id, idOrUrn);
        console.log(`Deleted ${extension.definition.schema.id}.`);
      });
    });
  return command;
}
