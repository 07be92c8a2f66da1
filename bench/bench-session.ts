import type { BenchDatabase } from './database/bench-database.js';
import { postgresBenchDatabase } from './database/postgres-bench-database.js';
import { sqliteBenchDatabase } from './database/sqlite-bench-database.js';
import { scimTarget, send } from './http/http-request.js';
import { describeMachine } from './machine/describe-machine.js';
import type { BenchOptions } from './options/parse-bench-options.js';
import type { CleanupStack } from './processes/cleanup-stack.js';
import { createIntegrationWithCli, runRosterCli } from './processes/roster-cli.js';
import { freePort, rosterEnvironment } from './processes/roster-environment.js';
import { repositoryRoot } from './processes/roster-paths.js';
import { startRoster } from './processes/start-roster.js';
import { cpuSeconds, waitUntilIdle } from './processes/wait-until-idle.js';
import { bestReferences, measureReferences } from './reference/measure-references.js';
import { referenceDatabase } from './reference/reference-database.js';
import { floorReference, referenceNames } from './reference/start-references.js';
import os from 'node:os';
import type { BenchReport, WorkloadResult } from './report/bench-report.js';
import { workloadResult } from './report/workload-result.js';
import { checkTargets } from './report/check-targets.js';
import { apiSeed } from './seed/api-seed.js';
import { bulkSeed, bulkSeedUsers } from './seed/bulk-seed.js';
import { sampleIndices, seedPlan } from './seed/seed-plan.js';
import { emptyDirectory } from './seed/seeded-directory.js';
import { catalog, runOrder } from './workloads/catalog.js';
import { discover } from './workloads/discovery.js';
import { MemberLedger } from './workloads/member-ledger.js';
import { describeOutcome, runWorkload, type WorkloadOutcome } from './workloads/run-workload.js';
import type { Workload, WorkloadContext } from './workloads/workload.js';
import { groupSizesUsedBy, usesHierarchy, writesSeededUsers } from './workloads/workload-names.js';

const SAMPLE_SIZE = 100_000;
/** The API seeding phase measures a rate; it need not create every planned user if POST is slow. */
const API_SEED_LIMIT_MS = 60_000;

/** One whole run: database, seeding, Roster, reference servers, workloads, report. */
export async function runBenchSession(
  options: BenchOptions,
  workDir: string,
  cleanup: CleanupStack,
  log: (line: string) => void,
  command: string,
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const runTag = startedAt.replace(/\D/g, '').slice(0, 14);
  const machine = describeMachine(repositoryRoot);
  if (machine.loadAverage1m > 0.5) {
    log(
      `the machine is busy (load average ${machine.loadAverage1m.toFixed(2)}): figures will be lower and noisier`,
    );
  }

  const database: BenchDatabase =
    options.engine === 'postgres'
      ? await postgresBenchDatabase(options.postgresAdminUrl)
      : sqliteBenchDatabase(workDir);
  cleanup.push('database', () => database.dispose());
  const env = rosterEnvironment(database.url, await freePort());

  log(`creating the integration (${options.engine})`);
  const integration = await createIntegrationWithCli(env).catch((error: unknown) => {
    throw new Error(
      `Roster could not use the ${options.engine} database: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });
  const scope = { organizationId: integration.organizationId, integrationId: integration.id };

  const plan = seedPlan({
    users: options.users,
    apiUsers: options.apiUsers,
    groupSizes: groupSizesUsedBy(options.workloads),
    withHierarchy: usesHierarchy(options.workloads),
    withIdentities: options.workloads.some(writesSeededUsers),
    memberOps: options.memberOps,
  });
  const directory = emptyDirectory();
  log(
    `seeding ${plan.bulkUsers.toLocaleString('en')} users${plan.withGroups ? ' and the groups' : ''} through the store`,
  );
  const bulk = await bulkSeed(database.url, scope, plan, directory, log);
  log(
    `bulk seeding: ${bulk.users.toLocaleString('en')} users with ${bulk.identities.toLocaleString('en')} identities, ${bulk.groups} groups in ${bulk.seconds.toFixed(1)} s`,
  );

  log('starting Roster');
  const roster = await startRoster(env, workDir).catch((error: unknown) => {
    throw new Error(
      `Roster refused to start on ${options.engine}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });
  cleanup.push('Roster', () => roster.stop());
  const target = scimTarget(roster.url, integration.id, integration.token);

  log(`creating ${plan.apiUsers.toLocaleString('en')} users through POST /Users`);
  const api = await apiSeed(target, plan, directory, options.connections, API_SEED_LIMIT_MS);
  log(`API seeding: ${Math.round(api.usersPerSecond).toLocaleString('en')} users/s`);
  if (api.nextIndex < plan.users) {
    log(
      `API seeding stopped after ${API_SEED_LIMIT_MS / 1000} s; the last ${plan.users - api.nextIndex} users go through the store`,
    );
    await bulkSeedUsers(database.url, scope, api.nextIndex, plan.users, plan.withIdentities, directory, log);
  }
  const dbBytesAfterSeeding = await database.sizeBytes();

  const sample = sampleIndices(plan.users, SAMPLE_SIZE);
  const selected = runOrder(options.workloads);
  // Every run measures the SQLite floors (the machine's floor whatever the engine); a PostgreSQL run
  // also measures the PostgreSQL floors, which are its workloads' ratios.
  const floorsUsed = new Set(selected.filter((w) => w.reported).map((w) => catalog[w.name].floor));
  const neededReferences = referenceNames.filter(
    (name) =>
      name === 'http' ||
      (name === 'scimmy' && selected.some((w) => w.name === 'create')) ||
      [...floorsUsed].some(
        (floor) => name === floorReference(floor, 'sqlite') || name === floorReference(floor, options.engine),
      ),
  );
  const firstUser = directory.userIds[sample[0] ?? 0] ?? '';
  const httpBody = (await send(target, { method: 'GET', path: `${target.basePath}/Users/${firstUser}` }))
    .text;
  let refDb = { file: '', userIds: [] as readonly string[] };
  if (neededReferences.some((name) => name.startsWith('sqlite-'))) {
    log('preparing the reference database');
    refDb = await referenceDatabase(database, directory.userIds, plan, workDir, log);
  }
  const referenceInputs = {
    workDir,
    httpBody,
    databaseFile: refDb.file,
    databaseUrl: database.engine === 'postgres' ? database.url : undefined,
    readIds: sample.map((index) => refDb.userIds[index] ?? ''),
    rosterReadIds: sample.map((index) => directory.userIds[index] ?? ''),
    users: plan.users,
    runTag,
    headers: target.headers,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    maxRequests: options.maxRequests,
  };
  const referencesBefore = await measureReferences(neededReferences, referenceInputs, cleanup, log);

  const context: WorkloadContext = {
    options,
    target,
    plan,
    directory,
    sample,
    discovery: await discover(target),
    members: new MemberLedger(),
    runTag,
    settle: () => waitUntilIdle(roster.pid),
    serverCpuSeconds: () => cpuSeconds(roster.pid),
    apiUsers: { from: plan.bulkUsers, to: api.nextIndex },
    cli: (args) => runRosterCli(env, args),
    integration: { id: integration.id, organizationId: integration.organizationId },
  };
  const outcomes: { workload: Workload; outcome: WorkloadOutcome; rssBytes: number | undefined }[] = [];
  let peakRssBytes: number | null = null;
  for (const { name, reported } of selected) {
    const workload = catalog[name];
    const died = roster.exitDescription();
    if (died) {
      if (reported)
        outcomes.push({ workload, outcome: { status: 'failed', reason: died }, rssBytes: undefined });
      continue;
    }
    log(`${reported ? 'workload' : 'priming with'} ${name}`);
    // One workload going wrong (a probe timing out, a server error) must not lose the others' figures.
    const outcome = await runWorkload(workload, context).catch((error: unknown): WorkloadOutcome => ({
      status: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    }));
    if (!reported) continue;
    // Sampled after every workload, so the peak is known even if the server dies later.
    const memory = await roster.memory();
    if (memory) peakRssBytes = Math.max(peakRssBytes ?? 0, memory.peakRssBytes);
    outcomes.push({ workload, outcome, rssBytes: memory?.rssBytes });
    log(describeOutcome(outcome));
    const exited = roster.exitDescription();
    if (exited) log(exited);
  }

  // Measured again at the end; each ratio uses the better of the two, so a burst of other work on the
  // machine during one reference run does not flatter Roster.
  log('measuring the reference servers again');
  // A new tag: the insert reference must not meet the userNames of its first run (409).
  const referencesAfter = await measureReferences(
    neededReferences,
    { ...referenceInputs, runTag: `${runTag}-again` },
    cleanup,
    log,
  ).catch((error: unknown) => {
    log(`the second reference measurement failed, using the first: ${String(error)}`);
    return [];
  });
  const references = bestReferences(referencesBefore, referencesAfter);
  const workloads: WorkloadResult[] = outcomes.map(({ workload, outcome, rssBytes }) => ({
    ...workloadResult(workload, floorReference(workload.floor, options.engine), outcome, references),
    ...(rssBytes === undefined ? {} : { serverRssAfterBytes: rssBytes }),
  }));

  const memory = await roster.memory();
  if (memory) peakRssBytes = Math.max(peakRssBytes ?? 0, memory.peakRssBytes);
  await roster.stop();
  const dbBytes = await database.sizeBytes();
  return {
    machine,
    engine: options.engine,
    users: options.users,
    workloads,
    references,
    peakRssBytes,
    dbBytes,
    seeding: {
      bulk,
      api,
      totalUsers: plan.users + plan.extraMembers + plan.candidates,
      dbBytesAfterSeeding,
    },
    settings: {
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      memberOps: options.memberOps,
      maxRequests: options.maxRequests,
    },
    targets: checkTargets({
      engine: options.engine,
      users: options.users,
      workloads,
      references,
      peakRssBytes,
    }),
    startedAt,
    loadAverageAtEnd: os.loadavg()[0] ?? 0,
    command,
  };
}
