import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { roster } from './support/spawn-roster.js';
import { postgresTestEngine } from './support/test-engines.js';

const url = process.env.ROSTER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const suffix = randomBytes(6).toString('hex');
const schema = `roster_t_new_${suffix}`;
const refusedSchema = `roster_t_refused_${suffix}`;
const role = `roster_t_role_${suffix}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const schemaExists = (name: string) =>
  admin(async (c) => (await c.query('select 1 from pg_namespace where nspname = $1', [name])).rowCount === 1);

// Skipped only where no PostgreSQL answers (a laptop without one); CI sets ROSTER_TEST_POSTGRES_URL, and
// then test-engines.ts fails the run if PostgreSQL is unreachable, so this never silently skips there.
describe.skipIf(postgresTestEngine === undefined)(
  'ROSTER_DATABASE_SCHEMA naming a schema that does not exist',
  () => {
    afterAll(async () => {
      if (postgresTestEngine === undefined) return;
      await admin(async (c) => {
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.query(`drop schema if exists ${refusedSchema} cascade`);
        await c.query(`drop role if exists ${role}`);
      });
    });

    it('is created (then migrated into) when the role may create schemas', async () => {
      expect(await schemaExists(schema)).toBe(false);
      const env = { ROSTER_DATABASE_URL: url, ROSTER_DATABASE_SCHEMA: schema };
      expect((await roster(['migrate'], env)).stdout).toContain('Applied: 0001_foundation');
      expect(await schemaExists(schema)).toBe(true);
      const tables = await admin(
        async (c) =>
          (await c.query('select count(*)::int as n from pg_tables where schemaname = $1', [schema])).rows[0]
            .n,
      );
      expect(tables).toBeGreaterThan(10);
      // Every other command prepares the database the same way, and an existing schema is simply used.
      expect((await roster(['integration', 'list'], env)).stdout).toBe('No integrations.\n');
    });

    it('is refused in one sentence saying what to run, when the role may not create it', async () => {
      await admin((c) => c.query(`create role ${role} login`));
      const limited = new URL(url);
      limited.username = role;
      limited.password = '';
      const failure = await roster(['migrate'], {
        ROSTER_DATABASE_URL: limited.toString(),
        ROSTER_DATABASE_SCHEMA: refusedSchema,
      }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect(failure).toMatchObject({ code: 1, stdout: '' });
      const database = limited.pathname.slice(1);
      expect((failure as { stderr: string }).stderr).toBe(
        `Error: The PostgreSQL schema "${refusedSchema}" (ROSTER_DATABASE_SCHEMA) does not exist and role ` +
          `"${role}" may not create it: run CREATE SCHEMA ${refusedSchema} AUTHORIZATION ${role}; as the ` +
          `owner of database "${database}" or a superuser, then start Roster again.\n`,
      );
      expect(await schemaExists(refusedSchema)).toBe(false);
    });
  },
);
