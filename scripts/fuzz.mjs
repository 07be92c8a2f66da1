/* global console, process */
// `npm run fuzz -- --runs N [--seed S]`: the fuzz suite (test/scim-fuzz.test.ts) with N generated
// requests instead of the CI slice, on SQLite and, when one answers, PostgreSQL. Prints the report.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
});
for (const [name, value] of Object.entries(values)) {
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number; got ${JSON.stringify(value)}`);
    process.exit(2);
  }
}
console.log(`fuzzing with ${values.runs} requests, seed ${values.seed}`);
const result = spawnSync('npx', ['vitest', 'run', 'test/scim-fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, ROSTER_FUZZ_RUNS: values.runs, ROSTER_FUZZ_SEED: values.seed },
});
process.exit(result.status ?? 1);
