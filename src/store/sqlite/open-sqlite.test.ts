import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openSqlite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-open-sqlite-'));
    dirs.push(dir);
    return dir;
  };

  it('creates a new database, its WAL files and its data directory readable by the owner only', async () => {
    const dir = join(tempDir(), 'data');
    const file = join(dir, 'roster.db');
    const db = openSqlite(file);
    await sql`create table t (x integer)`.execute(db);
    await sql`insert into t values (1)`.execute(db);
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    await db.destroy();
  });

  it('keeps the mode of an existing database file and its data', async () => {
    const file = join(tempDir(), 'roster.db');
    const first = openSqlite(file);
    await sql`create table t (x integer)`.execute(first);
    await sql`insert into t values (42)`.execute(first);
    await first.destroy();
    chmodSync(file, 0o640);
    const again = openSqlite(file);
    const { rows } = await sql<{ x: number }>`select x from t`.execute(again);
    expect(rows).toEqual([{ x: 42 }]);
    expect(mode(file)).toBe(0o640);
    await again.destroy();
  });

  it('opens a file some other tool created empty', async () => {
    const file = join(tempDir(), 'empty.db');
    writeFileSync(file, '');
    const db = openSqlite(file);
    await sql`create table t (x integer)`.execute(db);
    await db.destroy();
  });
});
