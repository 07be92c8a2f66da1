import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../src/directory/webhooks/deliver-webhooks.js';
import type { WebhookSettings } from '../src/directory/webhooks/webhook-settings.js';
import { AdminClient } from './support/admin-client.js';
import { LoopbackReceiver } from './support/loopback-receiver.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

interface ReceivedSet {
  readonly headers: IncomingHttpHeaders;
  readonly token: string;
}

/** A real RFC 8935 receiver on 127.0.0.1: answers `answer()` and keeps every SET it acknowledged (202). */
class SetReceiver extends LoopbackReceiver {
  readonly received: ReceivedSet[] = [];
  refused = 0;
  answer: (token: string) => { status: number; body?: unknown } = () => ({ status: 202 });

  constructor() {
    super('/events', (headers, token) => {
      const { status, body } = this.answer(token);
      if (status === 202) this.received.push({ headers, token });
      else this.refused++;
      return {
        status,
        contentType: 'application/json',
        body: body === undefined ? '' : JSON.stringify(body),
      };
    });
  }
}

const realClock = { now: () => new Date() };
const PROV = 'urn:ietf:params:scim:event:prov';

describe.each(testEngines)('RFC 9967 security events on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let organizationId: string;
  let idp: IntegrationHandle;
  const receivers: SetReceiver[] = [];

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    admin = await AdminClient.forOrganization(roster, organizationId);
    base = `/organizations/${organizationId}`;
    idp = await roster.createIntegration();
  });
  afterAll(() => roster.close());
  afterEach(async () => {
    for (const receiver of (await admin.get(`${base}/security-events/receivers`)).body.data)
      await admin.delete(`${base}/security-events/receivers/${receiver.id}`);
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  const issuer = () => `${roster.webhooks.publicBaseUrl}/security-events/${organizationId}`;
  const jwksUrl = () => new URL(`${roster.origin}/security-events/${organizationId}/jwks.json`);

  async function receiver(): Promise<SetReceiver> {
    const started = await new SetReceiver().start();
    receivers.push(started);
    return started;
  }
  async function addReceiver(url: string, extra: Record<string, unknown> = {}) {
    const created = await admin.post(`${base}/security-events/receivers`, {
      url,
      audience: 'https://app.example.com',
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; cursor: string; jwksUrl: string; issuer: string };
  }
  async function deliverUntil(done: () => boolean, settings: Partial<WebhookSettings> = {}, owner = 'test') {
    const deadline = Date.now() + 8000;
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
  /** Verifies a SET against the JWKS fetched over HTTP from Roster, as a receiver would. */
  async function verified(token: string): Promise<JWTPayload & Record<string, unknown>> {
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(jwksUrl()), {
      issuer: issuer(),
      audience: 'https://app.example.com',
      typ: 'secevent+jwt',
      algorithms: ['ES256'],
    });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    return payload as JWTPayload & Record<string, unknown>;
  }

  it('pushes each change once, in order, as a SET that verifies against the published JWKS', async () => {
    const sets = await receiver();
    const created = await addReceiver(sets.url, { authorization: 'Bearer receiver-secret' });
    expect(JSON.stringify(created)).not.toContain('receiver-secret');
    const requestIds: string[] = [];
    const userIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const user = await roster.request(idp, 'POST', '/Users', { userName: `set-${i}@example.com` });
      expect(user.status).toBe(201);
      requestIds.push(String(user.headers.get('x-request-id')));
      userIds.push(String(user.body.id));
    }
    const disabled = await roster.request(idp, 'PATCH', `/Users/${userIds[0]}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(disabled.status).toBeLessThan(300);
    const events = (await admin.get(`${base}/events?after=${created.cursor}&limit=1000`)).body.data as {
      id: string;
      type: string;
      resource: { id: string };
    }[];
    expect(events.map((e) => e.type)).toEqual([
      'identity.created',
      'identity.created',
      'identity.created',
      'identity.created',
      'identity.disabled',
    ]);

    sets.answer = () => ({ status: 503 });
    setTimeout(() => (sets.answer = () => ({ status: 202 })), 700);
    await deliverUntil(() => sets.received.length >= events.length);
    expect(sets.refused).toBeGreaterThan(0);
    expect(sets.received).toHaveLength(events.length);

    const payloads = [];
    for (const { headers, token } of sets.received) {
      expect(headers['content-type']).toBe('application/secevent+jwt');
      expect(headers.authorization).toBe('Bearer receiver-secret');
      payloads.push(await verified(token));
    }
    // Exactly once (distinct jti), in the feed's order, each naming its identity.
    expect(new Set(payloads.map((p) => p.jti)).size).toBe(events.length);
    expect(payloads.map((p) => (p.sub_id as { id: string }).id)).toEqual(events.map((e) => e.resource.id));
    expect(payloads.map((p) => Object.keys(p.events as object))).toEqual([
      [`${PROV}:create:full`],
      [`${PROV}:create:full`],
      [`${PROV}:create:full`],
      [`${PROV}:create:full`],
      [`${PROV}:deactivate`],
    ]);
    expect(payloads.slice(0, 4).map((p) => p.txn)).toEqual(requestIds);
    const first = payloads[0] as Record<string, unknown>;
    expect(first.sub_id).toEqual({
      format: 'scim',
      uri: `/Users/${events[0]?.resource.id}`,
      id: events[0]?.resource.id,
    });
    expect((first.events as Record<string, { data: { id: string } }>)[`${PROV}:create:full`]?.data.id).toBe(
      events[0]?.resource.id,
    );
    expect(first.iat).toEqual(expect.any(Number));
    expect(first.sub).toBeUndefined();
    // A tampered SET does not verify.
    const [head, body, signature] = sets.received[0]!.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...first, txn: 'forged' })).toString('base64url');
    expect(forged).not.toBe(body);
    await expect(verified(`${head}.${forged}.${signature}`)).rejects.toThrow();

    const log = (await admin.get(`${base}/security-events/receivers/${created.id}/deliveries?limit=100`)).body
      .data;
    expect(log.filter((d: { outcome: string }) => d.outcome === 'delivered')).toHaveLength(events.length);
    expect(log.filter((d: { outcome: string }) => d.outcome === 'failed')).toHaveLength(sets.refused);
    // The stored Authorization value is sealed.
    const row = await roster.database.db
      .selectFrom('webhook_endpoints')
      .select(['secret', 'kind'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'security_events' });
    expect(row.secret).toMatch(/^rsec1\./);
    expect(row.secret).not.toContain('receiver-secret');
    // A SET receiver is not a webhook endpoint, and back.
    expect((await admin.get(`${base}/webhooks/${created.id}`)).status).toBe(404);
    expect((await admin.get(`${base}/webhooks`)).body.data).toEqual([]);
  });

  it('does not retry a SET refused with an RFC 8935 error, and goes on with the next', async () => {
    const sets = await receiver();
    const created = await addReceiver(sets.url, { payload: 'notice' });
    const attempts = new Map<string, number>();
    let refuseFirst = true;
    sets.answer = (token) => {
      const jti = String(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti);
      attempts.set(jti, (attempts.get(jti) ?? 0) + 1);
      if (refuseFirst) {
        refuseFirst = false;
        return { status: 400, body: { err: 'invalid_audience', description: 'not for us' } };
      }
      return { status: 202 };
    };
    for (let i = 0; i < 3; i++)
      await roster.request(idp, 'POST', '/Users', {
        userName: `notice-${i}-${ids.newId().slice(-6)}@example.com`,
      });
    await deliverUntil(() => sets.received.length >= 2);
    await deliverWebhooks({ store: roster.store, clock: realClock, ids, webhooks: roster.webhooks }, 'test');
    expect(sets.received).toHaveLength(2);
    expect([...attempts.values()]).toEqual([1, 1, 1]);
    const log = (await admin.get(`${base}/security-events/receivers/${created.id}/deliveries`)).body.data;
    const rejected = log.filter((d: { outcome: string }) => d.outcome === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      statusCode: 400,
      error: 'RFC 8935 error invalid_audience: not for us',
    });
    const notice = await verified(sets.received[0]!.token);
    expect(notice.events).toEqual({
      [`${PROV}:create:notice`]: { attributes: expect.arrayContaining(['name', 'status']) },
    });
    expect((await admin.get(`${base}/security-events/receivers/${created.id}`)).body).toMatchObject({
      status: 'active',
      attempts: 0,
    });
  });

  it('signs with the new key after a rotation and keeps the old kid in the JWKS during the overlap', async () => {
    const sets = await receiver();
    await addReceiver(sets.url);
    await roster.request(idp, 'POST', '/Users', { userName: `rot-a-${ids.newId().slice(-6)}@example.com` });
    await deliverUntil(() => sets.received.length >= 1);
    const oldKid = decodeProtectedHeader(sets.received[0]!.token).kid;

    const rotated = await admin.post(`${base}/security-events/key`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ previousKid: oldKid });
    expect(rotated.body.kid).not.toBe(oldKid);
    const jwks = (await (await fetch(jwksUrl())).json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.body.kid].sort());
    expect(jwks.keys.every((k) => k.alg === 'ES256' && !('d' in k))).toBe(true);

    await roster.request(idp, 'POST', '/Users', { userName: `rot-b-${ids.newId().slice(-6)}@example.com` });
    await deliverUntil(() => sets.received.length >= 2);
    expect(decodeProtectedHeader(sets.received[1]!.token).kid).toBe(rotated.body.kid);
    await verified(sets.received[1]!.token);
    await verified(sets.received[0]!.token);

    // Without an overlap, the previous key leaves the JWKS at once.
    const again = await admin.post(`${base}/security-events/key`, { overlapSeconds: 0 });
    const after = (await (await fetch(jwksUrl())).json()) as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid)).toContain(again.body.kid);
    expect(after.keys.map((k) => k.kid)).not.toContain(rotated.body.kid);
  });

  it('has each SET sent once, in order, when two workers (instances) run at once', async () => {
    const sets = await receiver();
    await addReceiver(sets.url);
    for (let i = 0; i < 10; i++)
      await roster.request(idp, 'POST', '/Users', {
        userName: `pair-${i}-${ids.newId().slice(-6)}@example.com`,
      });
    await Promise.all([
      deliverUntil(() => sets.received.length >= 10, {}, 'instance-a'),
      deliverUntil(() => sets.received.length >= 10, {}, 'instance-b'),
    ]);
    const payloads = await Promise.all(sets.received.map((r) => verified(r.token)));
    expect(new Set(payloads.map((p) => p.jti)).size).toBe(10);
    expect(payloads).toHaveLength(10);
    const created = payloads.map(
      (p) =>
        (p.events as Record<string, { data: { createdAt: string; id: string } }>)[`${PROV}:create:full`]
          ?.data,
    );
    // Identities are created in order: their ids (UUIDv7) and the SETs' order agree.
    const order = created.map((d) => d?.id ?? '');
    expect(order).toEqual([...order].sort());
  });

  it('advertises securityEvents in /ServiceProviderConfig while a receiver is enabled (RFC 9967 §4)', async () => {
    const before = await roster.request(idp, 'GET', '/ServiceProviderConfig');
    expect(before.body.securityEvents).toBeUndefined();
    const sets = await receiver();
    const created = await addReceiver(sets.url);
    const advertised = await roster.request(idp, 'GET', '/ServiceProviderConfig');
    expect(advertised.body.securityEvents).toMatchObject({ asyncRequest: 'none' });
    const uris = (advertised.body.securityEvents as { eventUris: string[] }).eventUris;
    for (const uri of [
      'create:full',
      'create:notice',
      'put:full',
      'patch:notice',
      'delete',
      'activate',
      'deactivate',
    ])
      expect(uris).toContain(`${PROV}:${uri}`);
    // /Schemas describes the block it shows (RFC 7643 §7: the schema of every attribute served).
    const spcSchema = await roster.request(
      idp,
      'GET',
      '/Schemas/urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
    );
    const described = (
      spcSchema.body.attributes as { name: string; subAttributes?: { name: string }[] }[]
    ).find((a) => a.name === 'securityEvents');
    expect(described?.subAttributes?.map((a) => a.name)).toEqual(['asyncRequest', 'eventUris']);
    await admin.patch(`${base}/security-events/receivers/${created.id}`, { enabled: false });
    expect((await roster.request(idp, 'GET', '/ServiceProviderConfig')).body.securityEvents).toBeUndefined();
  });
});
