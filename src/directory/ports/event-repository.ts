import type { DirectoryEvent, EventType, NewDirectoryEvent } from '../model/directory-event.js';
import type { IntegrationScope, OrganizationScope } from '../model/scope.js';

export interface EventQuery {
  /** Events with a sequence number greater than this (0: from the oldest kept). */
  readonly afterSequence: number;
  readonly limit: number;
  /** Only these types (all when absent). */
  readonly types?: readonly EventType[];
  /**
   * Only the history of this resource: events whose resource it is, and for an identity the member
   * events of the groups it joined or left (indexed: migration 0020).
   */
  readonly resourceId?: string;
}

/**
 * The outbox: the events of each organization in one sequence. Appending is part of the caller's
 * transaction: the events are written, numbered, in the same commit as the change (docs/events.md says
 * how the numbering stays in commit order on PostgreSQL), so a change without its event, or an event
 * without its change, cannot exist.
 */
export interface EventRepository {
  /**
   * Queues events of this transaction. Only a transaction's store accepts them (anything else throws):
   * they are written in one statement just before the transaction commits.
   */
  append(scope: OrganizationScope, events: readonly NewDirectoryEvent[]): void;
  /** Committed events in sequence order. */
  list(scope: OrganizationScope, query: EventQuery): Promise<readonly DirectoryEvent[]>;
  /** The sequence number of the organization's latest event (0 when none was ever written). */
  head(scope: OrganizationScope): Promise<number>;
  /** The lowest sequence number still kept (undefined when none is). */
  oldest(scope: OrganizationScope): Promise<number | undefined>;
  /**
   * Remembers that the `days`-before warning of this token was written; false when it already was (the
   * caller then writes no event). Part of the caller's transaction.
   */
  claimTokenWarning(scope: IntegrationScope, tokenCreatedAt: string, days: number): Promise<boolean>;
  /** Events ever written in the whole installation (the sum of every organization's sequence; metrics). */
  writtenInInstallation(): Promise<number>;
  /** Deletes events that occurred before `before`, at most `limit` of them; returns how many went. */
  prune(before: string, limit: number): Promise<number>;
}
