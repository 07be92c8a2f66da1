import { DirectoryError } from '../directory/directory-error.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { rosterProgram } from './program.js';
import { nodeRequirement, satisfiesRange, unsupportedNodeSentence } from './supported-node.js';

/** The composition root: the only module that reads process.env and argv. */
async function main(argv: readonly string[]): Promise<void> {
  // `node dist/src/cli/main.js` under a too-old Node would crash in better-sqlite3; the bin re-executes
  // itself under the project's Node instead, so point there.
  const range = nodeRequirement(import.meta.url);
  if (!satisfiesRange(process.versions.node, range)) {
    console.error(
      unsupportedNodeSentence(
        range,
        'run it as "npx roster ..." or "./bin/roster.js ...", which use the project\'s own Node.js.',
      ),
    );
    process.exit(1);
  }
  let cached: Config | undefined;
  const config = () => (cached ??= loadConfig(process.env));
  await rosterProgram(config).parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DirectoryError) {
    console.error(`Error: ${error.message}`);
    // Conflicts that list what refuses them (the resources a schema change would break) print the list.
    if ('problems' in error && Array.isArray(error.problems)) {
      for (const problem of error.problems as { field?: string; message: string }[]) {
        if (error.family === 'conflict')
          console.error(`  ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
      }
    }
    process.exit(1);
  }
  console.error(error instanceof Error ? `Error: ${error.message}` : error);
  process.exit(1);
});
