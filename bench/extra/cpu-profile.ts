/**
 * Where one kind of SCIM request spends its CPU: an in-process server on a fresh SQLite file
 * (1,000 users, a group of 100), N requests of the kind under the V8 profiler, then the functions with
 * the most self time. The profile is written to bench/results/ for Chrome DevTools or speedscope.
 * `npm run bench:profile -- get|filter|list|create|patch|member-add [N]`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector/promises';
import { join } from 'node:path';
import { patchOperation, sampleUser, startInProcessServer } from './in-process-server.js';
import { repositoryRoot } from '../processes/roster-paths.js';

const USERS = 1000;
const kinds = ['get', 'filter', 'list', 'create', 'patch', 'member-add'] as const;
type Kind = (typeof kinds)[number];

const kind = process.argv[2] as Kind | undefined;
const count = Number(process.argv[3] ?? 2000);
if (!kind || !kinds.includes(kind) || !Number.isInteger(count) || count < 1) {
  console.error(`usage: npm run bench:profile -- ${kinds.join('|')} [requests]`);
  process.exit(2);
}

const server = await startInProcessServer();
try {
  const ids: string[] = [];
  for (let n = 0; n < USERS; n++) ids.push(String((await server.send('POST', '/Users', sampleUser(n))).id));
  const group = String(
    (
      await server.send('POST', '/Groups', {
        displayName: 'Profiled',
        members: ids.slice(0, 100).map((value) => ({ value })),
      })
    ).id,
  );
  const at = (i: number) => ids[i % USERS] ?? '';
  const request = (i: number): Promise<unknown> => {
    switch (kind) {
      case 'get':
        return server.sendUnparsed('GET', `/Users/${at(i)}`);
      case 'filter':
        return server.sendUnparsed(
          'GET',
          `/Users?filter=${encodeURIComponent(`userName eq "user${i % USERS}@example.com"`)}`,
        );
      case 'list':
        return server.sendUnparsed('GET', '/Users?startIndex=1&count=100');
      case 'create':
        return server.sendUnparsed('POST', '/Users', sampleUser(USERS + i));
      case 'patch':
        return server.sendUnparsed(
          'PATCH',
          `/Users/${at(i)}`,
          patchOperation({ op: 'replace', path: 'displayName', value: `Renamed ${i}` }),
        );
      case 'member-add':
        return server.sendUnparsed(
          'PATCH',
          `/Groups/${group}`,
          patchOperation({ op: 'add', path: 'members', value: [{ value: at(100 + i) }] }),
        );
    }
  };
  // Warm up (JIT, statement caches) before measuring; creates and adds use fresh users either way.
  for (let i = 0; i < Math.min(200, count); i++) await request(kind === 'create' ? count + i : i);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await request(i);
  const used = process.cpuUsage(started);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const microsPerRequest = (used.user + used.system) / count;
  const outDir = join(repositoryRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `profile-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${kind}: ${count} requests, ${microsPerRequest.toFixed(0)} µs CPU per request (in process, no HTTP)`,
  );
  console.table(topSelfTime(profile, 25));
  // Self time alone hides where a cost comes from (JSON.stringify is inlined into sendScim, SQLite's
  // stepping shows as an anonymous native frame): the inclusive table says which of our calls pays.
  console.table(topInclusiveTime(profile, 25));
  console.log(`profile: ${file}`);
} finally {
  await server.close();
}

/** Functions by self time, as a share of all samples, with where they are defined. */
function topSelfTime(profile: Profiler.Profile, rows: number) {
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const n = node.hitCount ?? 0;
    total += n;
    const key = frameName(node.callFrame);
    hits.set(key, (hits.get(key) ?? 0) + n);
  }
  return ranked(hits, total, rows, 'self %');
}

/**
 * Functions by inclusive time (their own samples and their callees'), each counted once per sample
 * even when it recurses. Anonymous native frames and the event loop's own are left out: they
 * include everything.
 */
function topInclusiveTime(profile: Profiler.Profile, rows: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const n = node.hitCount ?? 0;
    if (n === 0) continue;
    total += n;
    const counted = new Set<string>();
    for (let at: Profiler.ProfileNode | undefined = node; at; at = byId.get(parentOf.get(at.id) ?? -1)) {
      const key = frameName(at.callFrame);
      if (counted.has(key)) continue;
      counted.add(key);
      hits.set(key, (hits.get(key) ?? 0) + n);
    }
  }
  for (const fn of hits.keys()) {
    if (/^\((root|anonymous|program)\) :0$|^(runMicrotasks|processTicksAndRejections) /.test(fn)) {
      hits.delete(fn);
    }
  }
  return ranked(hits, total, rows, 'inclusive %');
}

/** The `rows` functions with the most samples, each as a share of all samples. */
function ranked(hits: Map<string, number>, total: number, rows: number, column: string) {
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([fn, n]) => ({ [column]: ((100 * n) / total).toFixed(1), function: fn }));
}

function frameName(frame: Profiler.ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(dist|src)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}
