import { readFile } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100;

/** User plus system CPU seconds the process has used (Linux /proc/PID/stat), or undefined. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the process is idle (under 5% of a core over 300 ms), so work queued by the previous load
 * run — requests whose client gave up are still executed — does not leak into the next one. Bounded by
 * `timeoutMs`; returns the time waited.
 */
export async function waitUntilIdle(pid: number, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  const intervalMs = 300;
  let previous = await cpuSeconds(pid);
  if (previous === undefined) return 0;
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = await cpuSeconds(pid);
    if (now === undefined) return performance.now() - started;
    if ((now - previous) / (intervalMs / 1000) < 0.05) return performance.now() - started;
    previous = now;
  }
  return performance.now() - started;
}
