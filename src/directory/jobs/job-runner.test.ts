import { describe, expect, it } from 'vitest';
import { JobRunner } from './job-runner.js';

describe('JobRunner', () => {
  it('runs each job when due, never twice at once, tells failures and waits for runs in flight on stop', async () => {
    let now = 0;
    const log: string[] = [];
    let finishSlow = () => {};
    const runner = new JobRunner(
      [
        { name: 'fast', everyMs: 10, run: async () => log.push(`fast@${now}`) },
        {
          name: 'slow',
          everyMs: 10,
          atStart: true,
          run: () =>
            new Promise<void>((resolve) => (finishSlow = () => resolve(void log.push(`slow@${now}`)))),
        },
        { name: 'broken', everyMs: 30, run: async () => Promise.reject(new Error('boom')) },
      ],
      (job, error) => log.push(`${job} failed: ${(error as Error).message}`),
      () => now,
    );
    runner.tick(); // not started: nothing runs
    expect(log).toEqual([]);
    runner.start(); // slow runs at start; fast is due after 10 ms
    await Promise.resolve();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    now = 10;
    runner.tick();
    await settle();
    now = 20;
    runner.tick(); // slow is still running: not started again
    await settle();
    expect(log).toEqual(['fast@10', 'fast@20']);
    now = 30;
    runner.tick();
    await settle();
    expect(log).toContain('broken failed: boom');
    const stopping = runner.stop();
    now = 40;
    runner.tick(); // stopped: nothing new starts
    finishSlow();
    await stopping;
    expect(log.filter((line) => line.startsWith('slow'))).toEqual(['slow@40']);
    expect(log.filter((line) => line.startsWith('fast'))).toEqual(['fast@10', 'fast@20', 'fast@30']);
  });
});
