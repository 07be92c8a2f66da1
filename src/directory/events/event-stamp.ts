import { systemCause, type EventCause } from '../model/directory-event.js';
import type { Clock, IdSource } from '../ports/clock.js';

/** What every event of one unit of work shares: its cause, its time, and where new event ids come from. */
export interface EventStamp {
  readonly cause: EventCause;
  readonly now: string;
  readonly newId: () => string;
}

/**
 * The stamp of a use case's events, from its deps: the admin API and the CLI put their actor and
 * request in `cause`; without one the change is Roster's own.
 */
export function eventStampOf(deps: {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly cause?: EventCause | undefined;
}): EventStamp {
  return {
    cause: deps.cause ?? systemCause,
    now: deps.clock.now().toISOString(),
    newId: () => deps.ids.newId(),
  };
}
