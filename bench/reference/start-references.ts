import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChildServer } from '../processes/child-server.js';
import { referenceServerScript } from '../processes/roster-paths.js';

export type ReferenceName = 'http' | 'sqlite-read' | 'sqlite-insert';

export const referenceNames: readonly ReferenceName[] = ['http', 'sqlite-read', 'sqlite-insert'];

const modes: Record<ReferenceName, string> = {
  http: 'http',
  'sqlite-read': 'read',
  'sqlite-insert': 'insert',
};

/**
 * Starts one reference server. `http` answers with `httpBody` (a real Roster user response, so the
 * sizes match); the SQLite ones work on `databaseFile`.
 */
export async function startReference(
  name: ReferenceName,
  workDir: string,
  inputs: { httpBody: string; databaseFile: string },
): Promise<ChildServer> {
  let file = inputs.databaseFile;
  if (name === 'http') {
    file = join(workDir, 'http-reference-body.json');
    await writeFile(file, inputs.httpBody);
  }
  return ChildServer.start({
    name: `reference ${name}`,
    script: referenceServerScript,
    args: [modes[name], file],
    env: { PATH: process.env.PATH ?? '' },
    readyLine: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    startTimeoutMs: 30_000,
    logFile: join(workDir, `reference-${name}.log`),
  });
}
