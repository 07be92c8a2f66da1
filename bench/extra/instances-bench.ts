/**
 * Issue 3's figure: the idp-mix workload (filter by userName, then a PATCH, as Entra does) against one
 * Roster instance and then two instances on the same PostgreSQL schema, 16 connections in both cases.
 * `npm run bench:instances` (PostgreSQL at 127.0.0.1:5432, user postgres, database test).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const url = process.env.ROSTER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (!/@(127\.0\.0\.1|localhost)[:/]/.test(url))
  throw new Error('The bench only talks to a local PostgreSQL.');
const schema = `roster_instances_${process.pid}`;
const users = 2000;
const seconds = Number(process.argv[2] ?? 10);
const env = {
  ...process.env,
  ROSTER_DATABASE_URL: url,
  ROSTER_DATABASE_SCHEMA: schema,
  ROSTER_LOG_LEVEL: 'warn',
};

function start(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve'], { env: { ...env, ROSTER_PORT: String(port) } });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) resolve(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(output)));
  });
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const servers: ChildProcess[] = [];
try {
  servers.push(await start(18301), await start(18302));
  const created = JSON.parse(
    execFileSync(process.execPath, [CLI, 'integration', 'create', '--name', 'instances', '--json'], {
      env: { ...env, ROSTER_PORT: '18301' },
    }).toString(),
  ) as { id: string; token: string };
  const headers = { authorization: `Bearer ${created.token}`, 'content-type': 'application/scim+json' };
  const base = (port: number) => `http://127.0.0.1:${port}/scim/v2/${created.id}`;
  const ids: string[] = [];
  for (let i = 0; i < users; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, async (_, j) => {
        const response = await fetch(`${base(18301)}/Users`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ userName: `u${i + j}@example.com`, displayName: `U ${i + j}` }),
        });
        ids.push(((await response.json()) as { id: string }).id);
      }),
    );
  }
  let cycle = 0;
  const run = (port: number, connections: number) =>
    autocannon({
      url: `${base(port)}/Users`,
      connections,
      duration: seconds,
      headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            cycle++;
            return {
              ...request,
              path: `/scim/v2/${created.id}/Users?filter=${encodeURIComponent(`userName eq "u${cycle % users}@example.com"`)}`,
            };
          },
        },
        {
          method: 'PATCH',
          setupRequest: (request) => ({
            ...request,
            path: `/scim/v2/${created.id}/Users/${ids[cycle % ids.length] ?? ''}`,
            body: JSON.stringify({
              schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
              Operations: [{ op: 'Replace', path: 'displayName', value: `D${cycle}` }],
            }),
          }),
        },
      ],
    });
  const rps = (result: autocannon.Result) => result.requests.total / result.duration;
  const one = await run(18301, 16);
  const two = await Promise.all([run(18301, 8), run(18302, 8)]);
  const twoRps = two.reduce((sum, result) => sum + rps(result), 0);
  console.log(
    JSON.stringify({
      oneInstance: { rps: Math.round(rps(one)), p99Ms: one.latency.p99, errors: one.errors + one.non2xx },
      twoInstances: {
        rps: Math.round(twoRps),
        p99Ms: Math.max(...two.map((r) => r.latency.p99)),
        errors: two.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
      },
      ratio: Number((twoRps / rps(one)).toFixed(2)),
    }),
  );
} finally {
  for (const server of servers) server.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
