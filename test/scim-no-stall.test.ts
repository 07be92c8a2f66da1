import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const sqlite = testEngines.find((engine) => engine.name === 'sqlite')!;

/** Latencies of requests sent one after another until `until` resolves. */
async function probeWhile(until: Promise<unknown>, probe: () => Promise<number>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const status = await probe();
    latencies.push(performance.now() - started);
    expect(status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * Issue 14: on SQLite every query runs on the event loop, so one slow query, or a synchronous wait for
 * another process's write lock, stalled every request of the instance. While the worst filters the
 * budget accepts (and the pathological ones it refuses) run, and while another connection holds the
 * write lock, /ServiceProviderConfig and a get-by-id keep answering within 100 ms.
 */
describe('no request stalls another on SQLite', () => {
  let roster: RosterHarness;
  let idp: IntegrationHandle;
  let userId: string;
  let file: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(sqlite);
    idp = await roster.createIntegration();
    file = roster.database.databaseUrl.replace(/^sqlite:/, '');
    for (let batch = 0; batch < 40; batch++) {
      const Operations = Array.from({ length: 50 }, (_, i) => {
        const n = batch * 50 + i;
        return {
          method: 'POST',
          path: '/Users',
          bulkId: `u${n}`,
          data: {
            userName: `user${n}@example.com`,
            displayName: `User ${n}`,
            title: `Title ${n} ${'t'.repeat(1500)}`,
            emails: [{ value: `user${n}@example.com`, type: 'work' }],
          },
        };
      });
      const response = await roster.request(idp, 'POST', '/Bulk', { schemas: [BULK], Operations });
      expect(response.status).toBe(200);
    }
    const first = await roster.request(idp, 'GET', '/Users?filter=userName%20eq%20%22user1%40example.com%22');
    userId = (first.body.Resources as { id: string }[])[0]!.id;
  }, 120_000);
  afterAll(() => roster.close());

  const probes = () => [
    () => roster.request(idp, 'GET', '/ServiceProviderConfig').then((r) => r.status),
    () => roster.request(idp, 'GET', `/Users/${userId}`).then((r) => r.status),
  ];

  /**
   * The machine is shared (two cores, other suites running): what the probes cost with no load, measured
   * just before, is allowed on top of the 100 ms. Without the reader thread the costly filters held the
   * event loop for 100-900 ms each, so the probes waited that long.
   */
  const quietBaseline = async (): Promise<number> => {
    const quiet = (
      await Promise.all(probes().map((probe) => probeWhile(new Promise((r) => setTimeout(r, 500)), probe)))
    ).flat();
    return percentile(quiet, 95);
  };

  it('answers probes within 100 ms while costly filters run and pathological ones are refused', async () => {
    const baseline = await quietBaseline();
    const filters = [
      // The most the budget accepts at 2,000 users (about 50 ms of work each, by the estimate)...
      'title eq "nobody" or title eq "none" or title eq "nil"',
      Array.from({ length: 12 }, (_, i) => `displayName co "zz${i}"`).join(' or '),
      'not (emails.value co "nobody")',
      // ...and what the issue found: refused before running.
      Array.from({ length: 200 }, (_, i) => `groups.display sw "g${i}"`).join(' or '),
      Array.from({ length: 60 }, () => 'title eq ""').join(' or '),
    ];
    const statuses: number[] = [];
    const load = (async () => {
      const until = performance.now() + 2500;
      while (performance.now() < until) {
        for (const filter of filters) {
          statuses.push((await roster.request(idp, 'POST', '/Users/.search', { filter, count: 5 })).status);
        }
      }
    })();
    const latencies = (await Promise.all(probes().map((probe) => probeWhile(load, probe)))).flat();
    await load;
    expect(new Set(statuses)).toEqual(new Set([200, 400]));
    console.log(
      `probes ${latencies.length}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; quiet p95 ${baseline.toFixed(1)} ms`,
    );
    expect(percentile(latencies, 95)).toBeLessThan(100 + baseline);
  }, 60_000);

  it("waits for another connection's write lock without blocking, then writes; answers 503 with Retry-After when it is held too long", async () => {
    const baseline = await quietBaseline();
    const other = new BetterSqlite3(file);
    try {
      other.exec('begin immediate');
      const write = roster.request(idp, 'POST', '/Users', { userName: 'after-the-lock' });
      const released = new Promise((resolve) => setTimeout(resolve, 1000)).then(() => other.exec('commit'));
      const latencies = (await Promise.all(probes().map((probe) => probeWhile(released, probe)))).flat();
      expect((await write).status).toBe(201);
      expect(percentile(latencies, 95)).toBeLessThan(100 + 2 * baseline);

      other.exec('begin immediate');
      const started = performance.now();
      const refused = roster.request(idp, 'POST', '/Users', { userName: 'lock-never-released' });
      const during = (await Promise.all(probes().map((probe) => probeWhile(refused, probe)))).flat();
      const response = await refused;
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(performance.now() - started).toBeGreaterThan(4000);
      expect(percentile(during, 95)).toBeLessThan(100 + 2 * baseline);
      console.log(
        `during the held lock ${during.length} probes: p95 ${percentile(during, 95).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms`,
      );
      other.exec('rollback');
      const readable = await roster.request(
        idp,
        'GET',
        '/Users?filter=userName%20eq%20%22lock-never-released%22',
      );
      expect(readable.body.totalResults).toBe(0);
    } finally {
      other.close();
    }
  }, 60_000);
});
