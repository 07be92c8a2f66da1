import type { DirectoryStore } from '../ports/directory-store.js';

class RollBack<T> extends Error {
  readonly value: T;
  constructor(value: T) {
    super('rolled back on purpose');
    this.value = value;
  }
}

/**
 * Runs `work` in a transaction that is always rolled back and returns what it computed: how a dry run
 * sees the database as a change would leave it, through the very code that makes the change, while
 * nothing of it is ever committed. Keep `work` short: it holds the transaction (on SQLite, the write lock).
 */
export async function inRolledBackTransaction<T>(
  store: DirectoryStore,
  work: (store: DirectoryStore) => Promise<T>,
): Promise<T> {
  try {
    await store.transaction(async (inside) => {
      throw new RollBack(await work(inside));
    });
  } catch (error) {
    if (error instanceof RollBack) return error.value as T;
    throw error;
  }
  throw new Error('a rolled-back transaction committed');
}
