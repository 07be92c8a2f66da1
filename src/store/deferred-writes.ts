/**
 * Writes whose answer nobody reads, inside a transaction. An engine may send such a statement without
 * waiting for its answer: on PostgreSQL it travels in the same round trip as the transaction's next
 * statement or its COMMIT (postgres/pipelined-transactions.ts), and its error, if any, becomes the error
 * of that statement or of the commit. SQLite runs it as any other statement.
 *
 * Only statement texts built once (a fixed, small set) are registered, by the code that builds them,
 * and only for writes whose callers neither read the answer nor map the write's own errors.
 */
const deferredTexts = new Set<string>();

/** Registers `text` as a write that may be sent without waiting for its answer; returns it. */
export function deferrableWrite(text: string): string {
  deferredTexts.add(text);
  return text;
}

/** True for a statement text registered by deferrableWrite. */
export function isDeferrableWrite(text: string): boolean {
  return deferredTexts.has(text);
}

const failuresOfDeferredWrites = new WeakSet<object>();

/**
 * Marks an error as a deferred write's, surfacing at a later statement: that statement's caller must
 * not take it for its own (a unique violation there means a name is taken; here it does not).
 */
export function markDeferredWriteFailure(error: unknown): void {
  if (typeof error === 'object' && error !== null) failuresOfDeferredWrites.add(error);
}

/** True for an error marked by markDeferredWriteFailure. */
export function isDeferredWriteFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && failuresOfDeferredWrites.has(error);
}
