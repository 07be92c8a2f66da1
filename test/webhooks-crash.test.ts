import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer, type ServerProcess } from './support/spawn-roster.js';
import { testEngines, type TestDatabase } from './support/test-engines.js';

/**
 * The outbox is the queue: an event committed with its change survives the process. A server killed
 * with SIGKILL after SCIM writes committed and before it delivered them (its worker polls only every
 * 10 minutes here) loses nothing: the next server on the same database delivers every event once.
 */
describe('webhooks across a kill -9', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];
  let receiver: Server;
  const received: { id: string; body: string; headers: Record<string, string> }[] = [];

  beforeAll(async () => {
    database = await testEngines[0]!.open();
    env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
    };
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const headers = Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
            h,
            String(request.headers[h]),
          ]),
        );
        received.push({ id: headers['webhook-id'] as string, body, headers });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await new Promise((resolve) => receiver.close(resolve));
    await database.dispose();
  });

  it('delivers, after a restart, every event committed before the crash, once', async () => {
    const port = await freePort();
    const first = await startServer({ ...env, ROSTER_PORT: String(port), ROSTER_WEBHOOK_POLL_MS: '600000' });
    servers.push(first);
    const origin = `http://127.0.0.1:${port}`;
    const integration = JSON.parse(
      (await roster(['integration', 'create', '--name', 'crash', '--idp', 'okta', '--json'], env)).stdout,
    ) as { id: string; token: string };
    const key = JSON.parse(
      (await roster(['admin-key', 'create', '--name', 'crash', '--installation', '--json'], env)).stdout,
    ) as { secret: string };
    const adminHeaders = { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' };
    const orgs = (await (
      await fetch(`${origin}/api/v1/organizations`, { headers: adminHeaders })
    ).json()) as {
      data: { id: string }[];
    };
    const org = orgs.data[0]?.id as string;
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const created = (await (
      await fetch(`${origin}/api/v1/organizations/${org}/webhooks`, {
        method: 'POST',
        headers: adminHeaders,
        body: JSON.stringify({ url: hookUrl }),
      })
    ).json()) as { endpoint: { cursor: string }; secret: string };

    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${origin}/scim/v2/${integration.id}/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${integration.token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ userName: `crash-${i}@example.com` }),
      });
      expect(response.status).toBe(201);
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    servers.splice(servers.indexOf(first), 1);
    expect(received).toEqual([]);

    const second = await startServer({ ...env, ROSTER_PORT: String(port), ROSTER_WEBHOOK_POLL_MS: '50' });
    servers.push(second);
    const events = (await (
      await fetch(`${origin}/api/v1/organizations/${org}/events?after=${created.endpoint.cursor}`, {
        headers: adminHeaders,
      })
    ).json()) as { data: { id: string }[] };
    expect(events.data).toHaveLength(5);
    const deadline = Date.now() + 10_000;
    while (received.length < 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((r) => r.id)).toEqual(events.data.map((e) => e.id));
    for (const delivery of received)
      expect(() => new Webhook(created.secret).verify(delivery.body, delivery.headers)).not.toThrow();
  }, 60_000);
});
