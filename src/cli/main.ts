import { Command } from 'commander';
import { DirectoryError } from '../directory/directory-error.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { integrationCommand } from './integration-command.js';
import { migrateCommand } from './migrate-command.js';
import { serveCommand } from './serve-command.js';

/** The composition root: the only module that reads process.env and argv. */
async function main(argv: readonly string[]): Promise<void> {
  let cached: Config | undefined;
  const config = () => (cached ??= loadConfig(process.env));

  const program = new Command('roster')
    .description('Roster: a self-hosted SCIM 2.0 provisioning service')
    .showHelpAfterError();
  program
    .command('serve')
    .description('Migrate the database and serve HTTP')
    .action(() => serveCommand(config()));
  program
    .command('migrate')
    .description('Bring the database schema to the latest version')
    .action(() => migrateCommand(config()));
  program.addCommand(integrationCommand(config));
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DirectoryError) {
    console.error(`Error: ${error.message}`);
    process.exit(1);
  }
  console.error(error instanceof Error ? `Error: ${error.message}` : error);
  process.exit(1);
});
