import { sql, type Kysely } from 'kysely';
import { errorCode } from '../dialect.js';

const INSUFFICIENT_PRIVILEGE = '42501';
const UNIQUE_VIOLATION = '23505';

/** An identifier as SQL would need it typed: plain when it is a plain lower-case name, quoted otherwise. */
function identifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * Makes sure the schema ROSTER_DATABASE_SCHEMA names exists before anything is migrated into it: creates
 * it when the role may (it then owns it), and otherwise fails with one sentence saying what to run.
 * Without this, PostgreSQL's own message ("no schema has been selected to create in") names neither the
 * schema nor the fix. Existence is checked first, since CREATE SCHEMA IF NOT EXISTS needs the CREATE
 * privilege on the database even when the schema is there.
 */
export async function ensurePostgresSchema(db: Kysely<unknown>, schema: string): Promise<void> {
  const found = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
  if (found.rows.length > 0) return;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two instances starting together may both try; the loser's catalogue insert collides.
    if (errorCode(error) === UNIQUE_VIOLATION) return;
    if (errorCode(error) !== INSUFFICIENT_PRIVILEGE) throw error;
    const who = await sql<{ role: string; database: string }>`
      select current_user as role, current_database() as database
    `.execute(db);
    const { role = '?', database = '?' } = who.rows[0] ?? {};
    throw new Error(
      `The PostgreSQL schema "${schema}" (ROSTER_DATABASE_SCHEMA) does not exist and role "${role}" may not ` +
        `create it: run CREATE SCHEMA ${identifier(schema)} AUTHORIZATION ${identifier(role)}; as the owner ` +
        `of database "${database}" or a superuser, then start Roster again.`,
      { cause: error },
    );
  }
}
