/**
 * Statements whose result nobody reads and that only run inside a transaction, as the last thing before
 * its commit. An engine may send such a statement without waiting for its answer: on PostgreSQL it
 * travels in the same round trip as the COMMIT behind it (postgres/pipelined-transactions.ts), and its
 * error, if any, is the commit's. SQLite runs it as any other statement.
 *
 * Only statement texts built once (a fixed, small set) are registered, by the code that builds them.
 */
const deferredTexts = new Set<string>();

/** Registers `text` as a write that may be deferred to its transaction's commit; returns it. */
export function deferrableUntilCommit(text: string): string {
  deferredTexts.add(text);
  return text;
}

/** True for a statement text registered by deferrableUntilCommit. */
export function isDeferrableUntilCommit(text: string): boolean {
  return deferredTexts.has(text);
}
