import { webhookCommand } from './webhook-command.js';
import { securityEventsCommand } from './security-events-command.js';
import { Command } from 'commander';
import type { Config } from './config.js';
import { adminKeyCommand } from './admin-key-command.js';
import { consoleAccountCommand } from './console-account-command.js';
import { authPolicyCommand } from './auth-policy-command.js';
import { directoryGroupCommand } from './directory-group-command.js';
import { groupMappingCommand } from './group-mapping-command.js';
import { identityCommand } from './identity-command.js';
import { integrationCommand } from './integration-command.js';
import { jwtSignerCommand } from './jwt-signer-command.js';
import { migrateCommand } from './migrate-command.js';
import { organizationCommand } from './organization-command.js';
import { remapCommand } from './remap-command.js';
import { roleCommand } from './role-command.js';
import { schemaExtensionCommand } from './schema-extension-command.js';
import { addSettingsCommands } from './settings-command.js';
import { addOAuthCommand } from './oauth-command.js';
import { secretsCommand } from './secrets-command.js';
import { addBackupCommands } from './backup-command.js';
import { auditCliActions, auditCommand } from './audit-command.js';

/**
 * Every `roster` command, built without running any: main.ts parses argv with it, and the docs check
 * reads the command tree from it. `config` is only called when a command runs.
 */
export function rosterProgram(config: () => Config): Command {
  const program = new Command('roster')
    .description('Roster: a self-hosted SCIM 2.0 provisioning service')
    .showHelpAfterError();
  program
    .command('serve')
    .description('Migrate the database and serve HTTP')
    // Loaded on demand: the HTTP stack is half of a CLI command's start-up time otherwise.
    .action(async () => (await import('./serve-command.js')).serveCommand(config()));
  program
    .command('migrate')
    .description('Bring the database schema to the latest version')
    .action(() => migrateCommand(config()));
  program.addCommand(organizationCommand(config));
  const integration = integrationCommand(config);
  addSettingsCommands(integration, config);
  addOAuthCommand(integration, config);
  program.addCommand(integration);
  program.addCommand(groupMappingCommand(config));
  program.addCommand(directoryGroupCommand(config));
  program.addCommand(roleCommand(config));
  program.addCommand(schemaExtensionCommand(config));
  program.addCommand(authPolicyCommand(config));
  program.addCommand(jwtSignerCommand(config));
  program.addCommand(remapCommand(config));
  program.addCommand(identityCommand(config));
  program.addCommand(adminKeyCommand(config));
  program.addCommand(consoleAccountCommand(config));
  program.addCommand(secretsCommand(config));
  addBackupCommands(program, config);
  program.addCommand(auditCommand(config));
  auditCliActions(program, config);
  program.addCommand(webhookCommand(config));
  program.addCommand(securityEventsCommand(config));
  return program;
}
