#!/usr/bin/env node
// The `roster` command: runs the built CLI (npm start and npm test build it first), always on a Node.js
// that satisfies package.json's engines. Run by an older Node (`./bin/roster.js` with the machine's
// Node 20 on the PATH), it runs itself again under the project's own Node (the `node` devDependency):
// better-sqlite3 would otherwise crash that Node the moment it opens the database.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('Roster is not built yet: run "npm run build" (or "npm start") first.');
  process.exit(1);
}
const runtime = await import(new URL('../dist/src/cli/supported-node.js', import.meta.url).href);
const range = runtime.nodeRequirement(import.meta.url);
if (runtime.satisfiesRange(process.versions.node, range)) {
  await import(main);
} else {
  const node = runtime.projectNode(import.meta.url, range);
  if (!node) {
    console.error(
      runtime.unsupportedNodeSentence(
        range,
        'run "npm install" (it installs the Node.js Roster uses) or put Node.js ' +
          range.replace(/^>=\s*/, '') +
          ' or later on the PATH.',
      ),
    );
    process.exit(1);
  }
  process.exitCode = await runtime.reexec(node, fileURLToPath(import.meta.url), process.argv.slice(2));
}
