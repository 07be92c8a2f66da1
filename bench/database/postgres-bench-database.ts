import pg from 'pg';
import type { BenchDatabase } from './bench-database.js';

/**
 * A fresh PostgreSQL database on this machine, created with the `pg` package through the admin URL and
 * dropped at the end.
 */
export async function postgresBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `roster_bench_${stamp}_${process.pid}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine: 'postgres',
    url: databaseUrl,
    sqliteFile: undefined,
    async sizeBytes() {
      const result = await withAdmin(adminUrl, (client) =>
        client.query<{ size: string }>('SELECT pg_database_size($1) AS size', [name]),
      );
      return Number(result.rows[0]?.size ?? 0);
    },
    async dispose() {
      // WITH (FORCE) (PostgreSQL 13+) ends sessions a crashed server may have left behind.
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
