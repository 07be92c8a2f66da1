import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** End-to-end suites spawn the built server; fail early with a clear message when it is missing. */
export default function setup(): void {
  const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
  if (!existsSync(main)) {
    throw new Error(
      `Built server not found at ${main}: run "npm test" (it builds first) or "npm run build".`,
    );
  }
}
