import { setTimeout as sleep } from 'node:timers/promises';
import { Command, InvalidArgumentError } from 'commander';
import { listRemapJobs } from '../directory/remap/list-remap-jobs.js';
import { previewIntegrationRemap } from '../directory/remap/preview-integration-remap.js';
import { remapJobInOrganization } from '../directory/remap/remap-job-in-organization.js';
import { startIntegrationRemap } from '../directory/remap/start-integration-remap.js';
import { watchRemapJob } from '../directory/remap/watch-remap-job.js';
import { runRemapJobs } from '../directory/remap/run-remap-jobs.js';
import { DEFAULT_ORGANIZATION } from '../directory/organizations/ensure-default-organization.js';
import type { Config } from './config.js';
import { formatRemapJob, formatRemapPreview, formatRemapProgress } from './format-remap.js';
import { formatTable } from './format-table.js';
import { prepareDatabase, systemClock, uuidSource } from './open-database.js';
import { printJson, withIntegration, withOrganization } from './with-organization.js';

const POLL_MS = 1000;

function seconds(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed < 1)
    throw new InvalidArgumentError('a whole number of seconds, at least 1');
  return parsed;
}

function orgSuffix(org: string): string {
  return org === DEFAULT_ORGANIZATION ? '' : ` --org ${org}`;
}

/** `roster remap`: re-derive an integration's identities under its current settings and mappings. */
export function remapCommand(config: () => Config): Command {
  const command = new Command('remap').description(
    "Re-derive an integration's identities from its SCIM users (preview, start, watch, run)",
  );

  command
    .command('preview')
    .description('Dry run under the current settings and mappings: what would change (writes nothing)')
    .argument('<integration>', 'integration id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, options: { org: string; json?: boolean }) => {
      await withIntegration(
        config(),
        options.org,
        integrationId,
        async ({ deps, organization, integration }) => {
          const preview = await previewIntegrationRemap(deps, organization.id, integration.id);
          if (options.json) printJson(preview);
          else console.log(formatRemapPreview(preview));
        },
      );
    });

  command
    .command('start')
    .description('Queue a remap job')
    .argument('<integration>', 'integration id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, options: { org: string; json?: boolean }) => {
      await withIntegration(
        config(),
        options.org,
        integrationId,
        async ({ deps, organization, integration }) => {
          const job = await startIntegrationRemap(deps, organization.id, integration.id);
          if (options.json) {
            printJson(job);
            return;
          }
          console.log(`Queued remap job ${job.id} for ${job.total} identities.`);
          console.log(`Watch it with: roster remap watch ${job.id}${orgSuffix(options.org)}`);
          console.log(`(A running "roster serve" carries it out; where none runs: roster remap run)`);
        },
      );
    });

  command
    .command('status <jobId>')
    .description("Show a remap job's progress")
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (jobId: string, options: { org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const job = await remapJobInOrganization(deps.store, organization.id, jobId);
        if (options.json) printJson(job);
        else console.log(formatRemapJob(job));
      });
    });

  command
    .command('list')
    .description("List an integration's remap jobs, newest first")
    .argument('<integration>', 'integration id or name (any case)')
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print JSON')
    .action(async (integrationId: string, options: { org: string; json?: boolean }) => {
      await withIntegration(
        config(),
        options.org,
        integrationId,
        async ({ deps, organization, integration }) => {
          const jobs = await listRemapJobs(deps, organization.id, integration.id);
          if (options.json) {
            printJson(jobs);
            return;
          }
          if (jobs.length === 0) {
            console.log('No remap jobs.');
            return;
          }
          const rows = jobs.map((j) => [
            j.id,
            j.status,
            `${j.processed}/${j.total}`,
            String(j.changed),
            String(j.collisions),
            j.createdAt,
          ]);
          console.log(formatTable(['ID', 'STATUS', 'PROCESSED', 'CHANGED', 'COLLISIONS', 'QUEUED'], rows));
        },
      );
    });

  command
    .command('watch <jobId>')
    .description('Print progress every second until the job is done or failed (exit 1 if it failed)')
    .option('--timeout <seconds>', 'give up watching after this long', seconds, 600)
    .option('--org <organization>', 'organization name', DEFAULT_ORGANIZATION)
    .option('--json', 'print the finished job as JSON')
    .action(async (jobId: string, options: { timeout: number; org: string; json?: boolean }) => {
      await withOrganization(config(), options.org, async ({ deps, organization }) => {
        const job = await watchRemapJob(
          { store: deps.store, clock: deps.clock, sleep },
          organization.id,
          jobId,
          {
            intervalMs: POLL_MS,
            timeoutMs: options.timeout * 1000,
            onProgress: (progress) => {
              if (options.json) return;
              console.log(formatRemapProgress(progress));
              if (progress.status === 'pending') {
                console.log('Waiting for a worker: a running "roster serve", or "roster remap run".');
              }
            },
          },
        );
        if (options.json) printJson(job);
        else if (job.status === 'failed')
          console.error(`Remap job ${job.id} failed: ${job.error ?? 'no reason recorded'}`);
        if (job.status === 'failed') process.exitCode = 1;
      });
    });

  command
    .command('run')
    .description(
      'Run queued remap jobs in this process until none is left (for installations where no server runs). ' +
        'Like a server worker, it takes every runnable job of the installation.',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { store } = await prepareDatabase(config());
      try {
        const finished = await runRemapJobs(
          { store, clock: systemClock, ids: uuidSource },
          { owner: `cli:${process.pid}` },
        );
        if (options.json) printJson({ finished });
        else
          console.log(
            `${finished} remap job(s) finished; no runnable job is left (jobs another worker holds stay with it).`,
          );
      } finally {
        await store.close();
      }
    });

  return command;
}
