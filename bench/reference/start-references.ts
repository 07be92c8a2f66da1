import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChildServer } from '../processes/child-server.js';
import { referenceServerScript, scimmyPeerScript } from '../processes/roster-paths.js';

export type ReferenceName = 'http' | 'sqlite-read' | 'sqlite-insert' | 'pg-read' | 'pg-insert' | 'scimmy';

export const referenceNames: readonly ReferenceName[] = [
  'http',
  'sqlite-read',
  'sqlite-insert',
  'pg-read',
  'pg-insert',
  // Not a floor: the peer Roster's creates are compared with (scimmy-peer.ts), run when `create` is.
  'scimmy',
];

/** What bounds a workload: one indexed read, or one durable insert. */
export type FloorKind = 'read' | 'insert';

/** The reference that is a workload's floor on an engine: the same work, on the same database engine. */
export function floorReference(floor: FloorKind, engine: 'sqlite' | 'postgres'): ReferenceName {
  if (engine === 'postgres') return floor === 'read' ? 'pg-read' : 'pg-insert';
  return floor === 'read' ? 'sqlite-read' : 'sqlite-insert';
}

const modes: Record<Exclude<ReferenceName, 'scimmy'>, string> = {
  http: 'http',
  'sqlite-read': 'read',
  'sqlite-insert': 'insert',
  'pg-read': 'pg-read',
  'pg-insert': 'pg-insert',
};

/**
 * Starts one reference server. `http` answers with `httpBody` (a real Roster user response, so the
 * sizes match); the SQLite ones work on `databaseFile`, the PostgreSQL ones on `databaseUrl`.
 */
export async function startReference(
  name: ReferenceName,
  workDir: string,
  inputs: { httpBody: string; databaseFile: string; databaseUrl: string | undefined },
): Promise<ChildServer> {
  let file = inputs.databaseFile;
  if (name === 'pg-read' || name === 'pg-insert') {
    if (inputs.databaseUrl === undefined) throw new Error(`reference ${name} needs a PostgreSQL database`);
    file = inputs.databaseUrl;
  }
  if (name === 'http') {
    file = join(workDir, 'http-reference-body.json');
    await writeFile(file, inputs.httpBody);
  }
  return ChildServer.start({
    name: `reference ${name}`,
    ...(name === 'scimmy'
      ? { script: scimmyPeerScript, args: [] }
      : { script: referenceServerScript, args: [modes[name], file] }),
    env: { PATH: process.env.PATH ?? '' },
    readyLine: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    startTimeoutMs: 30_000,
    logFile: join(workDir, `reference-${name}.log`),
  });
}
