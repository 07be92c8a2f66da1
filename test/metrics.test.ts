import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line is a HELP or TYPE
 * comment, or `name{label="value",...} number`. Anything else fails the test.
 */
function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const name = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const sample = new RegExp(`^(${name})(?:\\{(.*)\\})? (-?(?:[0-9.e+-]+|NaN|\\+Inf|-Inf))$`);
  const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = new RegExp(`^# (HELP|TYPE) (${name}) (.*)$`).exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(comment[3]);
        types.set(comment[2] as string, comment[3] as string);
      }
      continue;
    }
    const match = sample.exec(line);
    expect(match, `not a Prometheus line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    const text = match?.[2] ?? '';
    label.lastIndex = 0;
    while (label.lastIndex < text.length) {
      const pair = label.exec(text);
      expect(pair, `bad labels: ${text}`).not.toBeNull();
      labels[pair?.[1] as string] = pair?.[2] as string;
    }
    samples.push({ name: match?.[1] as string, labels, value: Number(match?.[3]) });
  }
  return { samples, types };
}

describe('GET /metrics', () => {
  let roster: RosterHarness;

  beforeAll(async () => {
    roster = await RosterHarness.start(testEngines[0]!, { metricsToken: TOKEN });
  });
  afterAll(() => roster.close());

  it('answers only with the token, in Prometheus text, with route templates and no tenant data', async () => {
    const idp = await roster.createIntegration();
    const user = await roster.request(idp, 'POST', '/Users', { userName: 'metric.person@example.com' });
    await roster.request(idp, 'GET', `/Users/${user.body.id}`);
    await roster.request(idp, 'GET', '/Users?filter=userName%20eq%20%22metric.person@example.com%22');
    await fetch(`${idp.url}/Users`, { headers: { authorization: 'Bearer wrong' } });

    expect((await fetch(`${roster.origin}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${roster.origin}/metrics`, { headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    const response = await fetch(`${roster.origin}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const { samples, types } = parsePrometheus(text);

    expect(types.get('roster_http_requests_total')).toBe('counter');
    expect(types.get('roster_http_request_duration_seconds')).toBe('histogram');
    const scim = samples.filter((s) => s.name === 'roster_http_requests_total' && s.labels.area === 'scim');
    expect(scim).toContainEqual({
      name: 'roster_http_requests_total',
      labels: { area: 'scim', route: '/scim/v2/:integrationId/Users/:id', method: 'GET', status: '200' },
      value: 1,
    });
    expect(scim.find((s) => s.labels.status === '401')?.labels.route).toBe('/scim/v2/:integrationId/Users');
    const events = samples.find((s) => s.name === 'roster_events_written');
    expect(events?.value).toBeGreaterThanOrEqual(1);
    for (const name of ['roster_webhook_backlog_events', 'roster_provisioning_log_lag_seconds'])
      expect(samples.some((s) => s.name === name)).toBe(true);
    // No user, token or tenant value in any label.
    expect(text).not.toContain('metric.person');
    expect(text).not.toContain(idp.id);
    expect(text).not.toContain(idp.token);
  });
});

describe.each(testEngines)('database pool gauges on $name', (engine) => {
  let roster: RosterHarness;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, { metricsToken: TOKEN });
  });
  afterAll(() => roster.close());

  const pool = async () => {
    const response = await fetch(`${roster.origin}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { samples, types } = parsePrometheus(await response.text());
    expect(types.get('roster_database_pool_in_use')).toBe('gauge');
    expect(types.get('roster_database_pool_waiting')).toBe('gauge');
    const value = (name: string) => samples.find((s) => s.name === name)?.value;
    return { inUse: value('roster_database_pool_in_use'), waiting: value('roster_database_pool_waiting') };
  };

  it('counts connections held by transactions, and transactions waiting for one', async () => {
    expect(await pool()).toEqual({ inUse: 0, waiting: 0 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const holding = roster.store.transaction(async (store) => {
      await store.organizations.findByName('default');
      entered();
      await held;
    });
    await inside;
    if (engine.name === 'postgres') {
      expect((await pool()).inUse).toBeGreaterThanOrEqual(1);
    } else {
      // One connection, held by the transaction (a scrape's own queries would wait for it): the store's
      // count the gauges read; a second transaction waits.
      expect(roster.store.poolUsage()).toMatchObject({ inUse: 1, waiting: 0 });
      const second = roster.store.transaction(async () => undefined);
      expect(roster.store.poolUsage()).toMatchObject({ inUse: 1, waiting: 1 });
      release();
      await second;
    }
    release();
    await holding;
    expect(await pool()).toEqual({ inUse: 0, waiting: 0 });
  });
});
