/**
 * Runs `work` over `items` in slices of at most `size` (statements have a bound-parameter limit) and
 * concatenates what each slice returns.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (batch: T[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await work(items.slice(i, i + size))));
  return out;
}
