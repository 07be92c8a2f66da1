import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import { isEventType, type DirectoryEvent, type EventType } from '../model/directory-event.js';
import type { OrganizationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';

export const MAX_EVENT_PAGE = 1000;
export const DEFAULT_EVENT_PAGE = 100;
/** Longest long-poll (issue 16): a reader that waits longer reconnects. */
export const MAX_EVENT_WAIT_SECONDS = 30;

export interface EventFeedQuery {
  /** A cursor from an earlier page or from eventsCursor(); none: from the oldest event kept. */
  readonly after?: string | undefined;
  readonly limit?: number | undefined;
  readonly types?: readonly string[] | undefined;
  /** Only this resource's history (an identity's or a group's id; for an identity, its member events too). */
  readonly resourceId?: string | undefined;
  /** Seconds to wait for an event when there is none yet (0: answer at once). */
  readonly waitSeconds?: number | undefined;
  /** Ends a wait early (the client went away). */
  readonly signal?: AbortSignal | undefined;
}

export interface EventFeedPage {
  readonly events: readonly DirectoryEvent[];
  /** Where the next read continues: after the last event of this page (or where this one started). */
  readonly cursor: string;
  /** More events are there already (the page is full). */
  readonly hasMore: boolean;
}

export interface EventFeedDeps {
  readonly store: DirectoryStore;
  /** How often a waiting read looks again (other instances' commits reach it this way). */
  readonly pollMs?: number;
}

/**
 * One page of an organization's events in sequence order. A position, once read, never gains an event
 * committed later (docs/events.md: numbers are taken at commit under the organization's counter row),
 * so reading on from the cursor never skips one. A cursor older than the retention window fails with
 * event_cursor_expired: the reader must resync rather than silently miss events.
 */
export async function listEvents(
  deps: EventFeedDeps,
  scope: OrganizationScope,
  query: EventFeedQuery,
): Promise<EventFeedPage> {
  const after = afterSequence(query.after);
  const limit = query.limit ?? DEFAULT_EVENT_PAGE;
  const waitSeconds = query.waitSeconds ?? 0;
  const problems = [
    ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_EVENT_PAGE
      ? []
      : [{ field: 'limit', message: `limit must be an integer from 1 to ${MAX_EVENT_PAGE}` }]),
    ...(waitSeconds >= 0 && waitSeconds <= MAX_EVENT_WAIT_SECONDS
      ? []
      : [{ field: 'wait', message: `wait must be from 0 to ${MAX_EVENT_WAIT_SECONDS} seconds` }]),
    ...(query.types ?? [])
      .filter((type) => !isEventType(type))
      .map((type) => ({ field: 'types', message: `unknown event type "${type}"` })),
  ];
  if (problems.length > 0) throw new InvalidDirectoryInput('invalid_event_query', problems);
  const types = (query.types ?? []) as readonly EventType[];

  if (after > 0) {
    const oldest = await deps.store.events.oldest(scope);
    const head = await deps.store.events.head(scope);
    if (after > head) {
      throw new InvalidDirectoryInput('invalid_event_query', [
        { field: 'after', message: 'the cursor is ahead of this organization’s events' },
      ]);
    }
    if (oldest === undefined ? after < head : after < oldest - 1) {
      throw new DirectoryConflict(
        'event_cursor_expired',
        'Events after this cursor are past retention and were deleted; read the full state again (docs/events.md, Resync).',
      );
    }
  }
  const deadline = Date.now() + waitSeconds * 1000;
  const pollMs = deps.pollMs ?? 250;
  for (;;) {
    const events = await deps.store.events.list(scope, {
      afterSequence: after,
      limit,
      types,
      ...(query.resourceId === undefined ? {} : { resourceId: query.resourceId }),
    });
    const last = events.at(-1);
    if (events.length > 0 || Date.now() >= deadline || query.signal?.aborted) {
      return {
        events,
        cursor: encodeEventCursor(last ? last.sequence : after),
        hasMore: events.length === limit,
      };
    }
    await pause(Math.min(pollMs, Math.max(0, deadline - Date.now())), query.signal);
  }
}

/** The cursor of "now": every event after it is one not yet committed (the start of a resync). */
export async function eventsCursor(
  deps: { readonly store: DirectoryStore },
  scope: OrganizationScope,
): Promise<string> {
  return encodeEventCursor(await deps.store.events.head(scope));
}

function afterSequence(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const decoded = decodeEventCursor(cursor);
  if (!decoded.ok)
    throw new InvalidDirectoryInput('invalid_event_query', [{ field: 'after', message: decoded.error }]);
  return decoded.value;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
