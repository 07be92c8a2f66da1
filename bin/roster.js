#!/usr/bin/env node
// The `roster` command: runs the built CLI (npm start and npm test build it first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('Roster is not built yet: run "npm run build" (or "npm start") first.');
  process.exit(1);
}
await import(main);
