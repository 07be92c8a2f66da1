import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** What the admin use cases need, passed in by the CLI (and later the admin API): never module state. */
export interface AdminDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
}
