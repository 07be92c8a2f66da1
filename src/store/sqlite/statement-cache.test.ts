import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once and reuses the statement', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = withStatementCache(database);
    const first = cached.prepare('select ? as x');
    expect(cached.prepare('select ? as x')).toBe(first);
    expect(cached.prepare('select ? as y')).not.toBe(first);
    expect(first.all([7])).toEqual([{ x: 7 }]);
    cached.close();
  });

  it('evicts the least recently used statement beyond its capacity', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
    cached.close();
  });
});
