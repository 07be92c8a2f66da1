import { sql, type Kysely } from 'kysely';
import type { RemapJob, RemapJobStatus } from '../directory/model/remap-job.js';
import type { RemapJobRepository } from '../directory/ports/remap-job-repository.js';
import type { Database, RemapJobsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

const toJob = (row: RemapJobsTable): RemapJob => ({
  id: row.id,
  organizationId: row.organization_id,
  integrationId: row.integration_id,
  status: row.status as RemapJobStatus,
  total: Number(row.total),
  processed: Number(row.processed),
  changed: Number(row.changed),
  collisions: Number(row.collisions),
  position: row.position,
  error: row.error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function remapJobRepository(db: Kysely<Database>, dialect: StoreDialect): RemapJobRepository {
  return {
    async insert(job) {
      await db
        .insertInto('remap_jobs')
        .values({
          id: job.id,
          organization_id: job.organizationId,
          integration_id: job.integrationId,
          status: job.status,
          total: job.total,
          processed: job.processed,
          changed: job.changed,
          collisions: job.collisions,
          position: job.position,
          error: job.error,
          lease_owner: null,
          lease_expires_at: null,
          created_at: job.createdAt,
          updated_at: job.updatedAt,
        })
        .execute();
    },
    async findById(scope, id) {
      const row = await db
        .selectFrom('remap_jobs')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? toJob(row) : undefined;
    },
    async listForIntegration(scope) {
      const rows = await db
        .selectFrom('remap_jobs')
        .selectAll()
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toJob);
    },
    async claim(owner, now, leaseExpiresAt) {
      // One statement picks and leases a job. On PostgreSQL the pick skips rows another instance has
      // locked (FOR UPDATE SKIP LOCKED); the outer condition re-checks, so a job is never run twice.
      const runnable = sql`(status = 'pending' or (status = 'running' and lease_expires_at < ${now}))`;
      const lock = dialect.supportsSkipLocked ? sql` for update skip locked` : sql``;
      const row = await db
        .updateTable('remap_jobs')
        .set({ status: 'running', lease_owner: owner, lease_expires_at: leaseExpiresAt, updated_at: now })
        .where(
          'id',
          '=',
          sql<string>`(select id from remap_jobs where ${runnable} order by created_at, id limit 1${lock})`,
        )
        .where(sql<boolean>`${runnable}`)
        .returningAll()
        .executeTakeFirst();
      return row ? toJob(row) : undefined;
    },
    async progress(job, owner, leaseExpiresAt) {
      const result = await db
        .updateTable('remap_jobs')
        .set({
          status: job.status,
          total: job.total,
          processed: job.processed,
          changed: job.changed,
          collisions: job.collisions,
          position: job.position,
          error: job.error,
          updated_at: job.updatedAt,
          lease_expires_at: job.status === 'running' ? leaseExpiresAt : null,
          lease_owner: job.status === 'running' ? owner : null,
        })
        .where('id', '=', job.id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
