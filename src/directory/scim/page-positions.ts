import type { SortKey } from '../model/scim-resource.js';

/**
 * Where index pages (RFC 7644 §3.4.2.4, `startIndex` and `count`) of a query ended, so the next page is
 * a keyed seek instead of an offset scan. Okta imports a directory by walking `startIndex=1, 101, 201,
 * ...` to the end; with OFFSET each page reads and discards every row before it, so page 10,000 of a
 * million users costs a hundred times page 100 (issue 15). When the page a request asks for starts
 * right after a page this instance answered, it continues from that page's last row.
 *
 * The answer is the one the client walking the pages needs: RFC 7644 §3.4.2.4 promises no consistency
 * of index pages under concurrent changes, and continuing after the last row it was shown neither
 * skips a user (when one before it was deleted) nor shows one twice (when one was inserted before it),
 * which OFFSET does. Any other `startIndex` (a jump, a re-read, a page another instance answered, an
 * entry that expired or was evicted) is an offset page as before.
 *
 * Per process and bounded: a few hundred bytes per remembered page, the least recently used dropped.
 */
export class PagePositions {
  private readonly entries = new Map<string, { readonly after: SortKey; readonly expiresAt: number }>();
  private readonly capacity: number;
  private readonly lifetimeMs: number;

  constructor(capacity = 10_000, lifetimeMs = 15 * 60_000) {
    this.capacity = capacity;
    this.lifetimeMs = lifetimeMs;
  }

  /** The last row before `startIndex` of this query, when a page this instance served ended there. */
  recall(query: string, startIndex: number, now: number): SortKey | undefined {
    const id = `${query}@${startIndex}`;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= now) return undefined;
    return entry.after;
  }

  /** A page of this query ended at `lastKey`; the page starting at `nextIndex` may continue from it. */
  remember(query: string, nextIndex: number, lastKey: SortKey, now: number): void {
    const id = `${query}@${nextIndex}`;
    this.entries.delete(id);
    this.entries.set(id, { after: lastKey, expiresAt: now + this.lifetimeMs });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
