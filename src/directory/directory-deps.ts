import type { EventCause } from './model/directory-event.js';
import type { Clock, IdSource } from './ports/clock.js';
import type { DirectoryStore } from './ports/directory-store.js';

/**
 * What every use case takes: the store, time and ids, passed in by the composition root (CLI, server);
 * never module state.
 */
export interface DirectoryDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Who acts (admin key, CLI) and in which request, stamped on the events the use case writes. */
  readonly cause?: EventCause;
}
