import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../src/directory/webhooks/deliver-webhooks.js';
import type { WebhookSettings } from '../src/directory/webhooks/webhook-settings.js';
import { AdminClient } from './support/admin-client.js';
import { LoopbackReceiver } from './support/loopback-receiver.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly event: { id: string; sequence: number; type: string };
}

/** A real HTTP receiver on 127.0.0.1 that answers `status()` and keeps what it accepted (2xx). */
class Receiver extends LoopbackReceiver {
  readonly received: Received[] = [];
  refused = 0;
  status: () => number = () => 204;

  constructor() {
    super('/hooks', (headers, body) => {
      const status = this.status();
      if (status < 300) this.received.push({ headers, body, event: JSON.parse(body) });
      else this.refused++;
      return { status, contentType: 'text/plain', body: status < 300 ? 'ok' : 'down for maintenance' };
    });
  }
}

const realClock = { now: () => new Date() };

describe.each(testEngines)('webhooks on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let idp: IntegrationHandle;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    admin = await AdminClient.forOrganization(roster, organizationId);
    base = `/organizations/${organizationId}`;
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());
  afterEach(async () => {
    // Endpoints of one test must not take deliveries in the next.
    for (const endpoint of (await admin.get(`${base}/webhooks`)).body.data)
      await admin.delete(`${base}/webhooks/${endpoint.id}`);
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  async function receiver(): Promise<Receiver> {
    const started = await new Receiver().start();
    receivers.push(started);
    return started;
  }
  async function endpoint(url: string, extra: Record<string, unknown> = {}) {
    const created = await admin.post(`${base}/webhooks`, { url, ...extra });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { endpoint: { id: string; cursor: string }; secret: string };
  }
  async function makeChanges(count: number, prefix = `u-${ids.newId().slice(-6)}`) {
    for (let i = 0; i < count; i++) {
      const created = await roster.request(idp, 'POST', '/Users', { userName: `${prefix}-${i}@example.com` });
      expect(created.status).toBe(201);
    }
  }
  async function eventsAfter(cursor: string) {
    return (await admin.get(`${base}/events?after=${cursor}&limit=1000`)).body.data as {
      id: string;
      type: string;
    }[];
  }
  /** Runs the worker (as the server's interval would) until `done()` or the deadline. */
  async function deliverUntil(
    done: () => boolean,
    settings: Partial<WebhookSettings> = {},
    owner = 'test',
    withinMs = 8000,
  ) {
    const deadline = Date.now() + withinMs;
    const deps = {
      store: roster.store,
      clock: realClock,
      ids,
      webhooks: { ...roster.webhooks, ...settings },
    };
    while (!done() && Date.now() < deadline) {
      await deliverWebhooks(deps, owner);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('delivers every event once, in order, signed, to a receiver that is down for a while', async () => {
    const hooks = await receiver();
    const { endpoint: created, secret } = await endpoint(hooks.url, { description: 'app' });
    expect(secret).toMatch(/^whsec_/);
    await makeChanges(6);
    const expected = await eventsAfter(created.cursor);
    expect(expected).toHaveLength(6);

    hooks.status = () => 503;
    setTimeout(() => (hooks.status = () => 204), 700);
    await deliverUntil(() => hooks.received.length >= expected.length);

    expect(hooks.refused).toBeGreaterThan(0);
    expect(hooks.received.map((r) => r.event.id)).toEqual(expected.map((e) => e.id));
    const verifier = new Webhook(secret);
    const impostor = new Webhook(`whsec_${Buffer.from('not the secret at all!!!').toString('base64')}`);
    for (const { headers, body } of hooks.received) {
      const standard = {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      };
      expect(verifier.verify(body, standard)).toMatchObject({ id: standard['webhook-id'] });
      expect(() => impostor.verify(body, standard)).toThrow();
      expect(() => verifier.verify(body.replace('"type"', '"tipe"'), standard)).toThrow();
    }

    const log = (await admin.get(`${base}/webhooks/${created.id}/deliveries?limit=1000`)).body.data;
    expect(log.filter((d: { outcome: string }) => d.outcome === 'delivered')).toHaveLength(6);
    const failed = log.filter((d: { outcome: string }) => d.outcome === 'failed');
    expect(failed.length).toBe(hooks.refused);
    expect(failed[0]).toMatchObject({
      statusCode: 503,
      error: 'HTTP 503',
      responseExcerpt: 'down for maintenance',
    });
    expect(failed.every((d: { eventId: string }) => d.eventId === expected[0]?.id)).toBe(true);
    const after = (await admin.get(`${base}/webhooks/${created.id}`)).body;
    expect(after).toMatchObject({ status: 'active', attempts: 0, nextAttemptAt: null });

    // One delivery again, by hand: same webhook-id, the cursor stays.
    const redelivered = await admin.post(`${base}/webhooks/${created.id}/deliveries/${log[0].id}/redeliver`);
    expect(redelivered.body).toMatchObject({ outcome: 'delivered', manual: true, eventId: log[0].eventId });
    expect(hooks.received.at(-1)?.event.id).toBe(log[0].eventId);
  });

  it('delivers only the types asked for, and stores the secret sealed', async () => {
    const hooks = await receiver();
    const { endpoint: created, secret } = await endpoint(hooks.url, { eventTypes: ['identity.disabled'] });
    await makeChanges(2, 'typed');
    const user = await roster.request(idp, 'POST', '/Users', { userName: 'typed-off@example.com' });
    await roster.request(idp, 'PATCH', `/Users/${user.body.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    await deliverUntil(() => hooks.received.length >= 1);
    await deliverWebhooks({ store: roster.store, clock: realClock, ids, webhooks: roster.webhooks }, 'test');
    expect(hooks.received.map((r) => r.event.type)).toEqual(['identity.disabled']);
    const row = await roster.database.db
      .selectFrom('webhook_endpoints')
      .select(['secret'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toMatch(/^rsec1\./);
    expect(row.secret).not.toContain(secret.slice('whsec_'.length));
  });

  it('marks an endpoint failing after the retry window and keeps delivering to the others; redelivery resumes it', async () => {
    const broken = await receiver();
    broken.status = () => 500;
    const healthy = await receiver();
    const { endpoint: dead } = await endpoint(broken.url);
    await endpoint(healthy.url);
    await makeChanges(3, 'dl');
    await deliverUntil(() => healthy.received.length >= 3, { giveUpAfterMs: 250 });
    await deliverUntil(() => false, { giveUpAfterMs: 250 }, 'test', 600);
    const failing = (await admin.get(`${base}/webhooks/${dead.id}`)).body;
    expect(failing.status).toBe('failing');
    expect(failing.failingReason).toMatch(/HTTP 500/);
    expect(healthy.received).toHaveLength(3);
    const log = (await admin.get(`${base}/webhooks/${dead.id}/deliveries`)).body.data;
    expect(log[0].outcome).toBe('dead');

    broken.status = () => 200;
    const resumed = await admin.post(`${base}/webhooks/${dead.id}/redeliver`, { after: dead.cursor });
    expect(resumed.body).toMatchObject({ status: 'active', cursor: dead.cursor });
    await deliverUntil(() => broken.received.length >= 3);
    expect(broken.received.map((r) => r.event.id)).toEqual(healthy.received.map((r) => r.event.id));
  });

  it('signs with both secrets during a rotation overlap', async () => {
    const hooks = await receiver();
    const { endpoint: created, secret: first } = await endpoint(hooks.url);
    const rotated = await admin.post(`${base}/webhooks/${created.id}/secret`, { overlapSeconds: 3600 });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first);
    await makeChanges(1, 'rot');
    await deliverUntil(() => hooks.received.length >= 1);
    const [delivery] = hooks.received;
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(delivery?.headers[h])]),
    );
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [first, rotated.body.secret as string])
      expect(() => new Webhook(secret).verify(delivery?.body ?? '', headers)).not.toThrow();
  });

  it('has each event delivered once when two workers run at once', async () => {
    const hooks = await receiver();
    await endpoint(hooks.url);
    await makeChanges(12, 'pair');
    await Promise.all([
      deliverUntil(() => hooks.received.length >= 12, {}, 'instance-a'),
      deliverUntil(() => hooks.received.length >= 12, {}, 'instance-b'),
    ]);
    const idsReceived = hooks.received.map((r) => r.event.id);
    expect(new Set(idsReceived).size).toBe(12);
    expect(idsReceived).toHaveLength(12);
    const sequences = hooks.received.map((r) => r.event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });
});

describe('webhook endpoints, SET receivers and SSRF', () => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(testEngines[0]!, { webhooks: { allowPrivateUrls: false } });
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    admin = await AdminClient.forOrganization(roster, organizationId);
    base = `/organizations/${organizationId}`;
  });
  afterAll(() => roster.close());

  it.each([
    'http://127.0.0.1:9/hooks',
    'http://10.1.2.3/hooks',
    'http://192.168.0.10/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hooks',
    'http://[fd00::1]/hooks',
    'http://localhost:8080/hooks',
    'ftp://example.com/hooks',
    'https://user:pass@example.com/hooks',
  ])('refuses %s unless the operator allows private targets', async (url) => {
    const refused = await admin.post(`${base}/webhooks`, { url });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('url');
  });

  it('accepts a public URL and refuses to change it to a private one', async () => {
    const created = await admin.post(`${base}/webhooks`, { url: 'https://hooks.example.com/roster' });
    expect(created.status).toBe(201);
    const id = created.body.endpoint.id;
    expect((await admin.patch(`${base}/webhooks/${id}`, { url: 'http://10.0.0.1/' })).status).toBe(400);
    expect((await admin.patch(`${base}/webhooks/${id}`, { enabled: false })).body.enabled).toBe(false);
    expect((await admin.get(`${base}/webhooks`)).body.data.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(JSON.stringify((await admin.get(`${base}/webhooks/${id}`)).body)).not.toMatch(/whsec_|rsec1/);
  });

  it.each([
    'http://127.0.0.1:9/events',
    'http://10.1.2.3/events',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/events',
    'http://localhost:8080/events',
    'ftp://example.com/events',
  ])('refuses %s as a SET receiver unless the operator allows private targets', async (url) => {
    const refused = await admin.post(`${base}/security-events/receivers`, { url, audience: 'a' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('url');
  });

  it('accepts a public URL and refuses to change it to a private one; unknown receivers are 404', async () => {
    const created = await admin.post(`${base}/security-events/receivers`, {
      url: 'https://sets.example.com/events',
      audience: 'https://app.example.com',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(
      (await admin.patch(`${base}/security-events/receivers/${id}`, { url: 'http://10.0.0.1/' })).status,
    ).toBe(400);
    const missing = await admin.get(`${base}/security-events/receivers/${ids.newId()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/No SET receiver/);
  });
});
