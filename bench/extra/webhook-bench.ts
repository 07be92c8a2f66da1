/**
 * Issue 16's figures, in one process on a fresh SQLite file (`npm run bench:webhooks -- 1000`; with
 * `-- 1000 sets` the destination is an RFC 8935 SET receiver instead, and the figures are SETs'):
 * - webhook throughput: N events already in the outbox, one endpoint on a local receiver, the worker
 *   started: events delivered per second;
 * - SCIM response to webhook receipt: users created over 8 connections while the worker runs at the
 *   server's default poll (500 ms) and at 50 ms: p50/p99 of (receipt time − SCIM response time);
 * - events API read throughput: the whole feed paged with limit=1000 over HTTP.
 */
import { defaultInputLimits } from '../../src/core/protocol/input-limits.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createAdminKey } from '../../src/directory/admin-keys/create-admin-key.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { loadCursorSigningKey } from '../../src/directory/scim/cursor-signing-key.js';
import { createSecretCipher, generateSecretKey } from '../../src/directory/secrets/secret-cipher.js';
import { deliverWebhooks } from '../../src/directory/webhooks/deliver-webhooks.js';
import { defaultWebhookTiming, type WebhookSettings } from '../../src/directory/webhooks/webhook-settings.js';
import { buildApp } from '../../src/http/build-app.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';

const count = Number(process.argv[2] ?? 1000);
const sets = process.argv[3] === 'sets';
const dir = mkdtempSync(join(tmpdir(), 'roster-webhook-bench-'));
const db = openSqlite(join(dir, 'roster.db'));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

try {
  await migrateToLatest(db, sqliteDialect);
  const store = directoryStore(db, sqliteDialect);
  const clock = { now: () => new Date() };
  const ids = uuidV7Source();
  await ensureDefaultOrganization({ store, clock, ids });
  const cipher = createSecretCipher({ keys: [generateSecretKey()] });
  const webhooks: WebhookSettings = {
    cipher,
    allowPrivateUrls: true,
    publicBaseUrl: 'http://127.0.0.1',
    ...defaultWebhookTiming,
  };
  const app = await buildApp({
    store,
    clock,
    ids,
    webhooks,
    logger: pino({ level: 'silent' }),
    publicBaseUrl: 'http://127.0.0.1',
    bodyLimitBytes: 1_048_576,
    capabilities: {
      patch: true,
      bulk: { supported: true, maxOperations: 50, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 1000 },
      sort: true,
      etag: true,
      pagination: { cursor: true, index: true, defaultPageSize: 100, maxPageSize: 1000, cursorTimeout: 3600 },
      documentationUri: 'http://127.0.0.1/docs',
    },
    scimSettings: {
      pageLimits: { defaultPageSize: 100, maxPageSize: 1000 },
      cursorSigningKey: await loadCursorSigningKey({ store, clock, cipher }),
      cursorTimeoutSeconds: 3600,
      createRetryWindowSeconds: 600,
      bulk: { maxOperations: 50, maxPayloadSize: 1_048_576 },
      inputLimits: defaultInputLimits,
    },
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const { integration, token } = await createIntegration(
    { store, clock, ids },
    { organizationName: 'default', name: 'bench', idp: 'generic', tokenLifetimeDays: 365 },
  );
  const { secret: adminKey } = await createAdminKey(
    { store, clock, ids },
    { name: 'bench', organizationId: null },
  );
  const org = integration.organizationId;
  const admin = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };

  const receivedAt = new Map<string, number>();
  // The key of a delivery is the SCIM id of the user it tells of (a webhook's event, or a SET's `data`).
  const keyOf = (body: string): string => {
    if (!sets) {
      const event = JSON.parse(body) as { data: { scimResourceId?: string }; id: string };
      return event.data.scimResourceId ?? event.id;
    }
    const claims = JSON.parse(Buffer.from(body.split('.')[1] ?? '', 'base64url').toString()) as {
      jti: string;
      events: Record<string, { data?: { scimResourceId?: string } }>;
    };
    return Object.values(claims.events)[0]?.data?.scimResourceId ?? claims.jti;
  };
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      receivedAt.set(keyOf(body), performance.now());
      response.writeHead(sets ? 202 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const added = await fetch(
    `${origin}/api/v1/organizations/${org}/${sets ? 'security-events/receivers' : 'webhooks'}`,
    {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(sets ? { url: hookUrl, audience: 'bench' } : { url: hookUrl }),
    },
  );
  if (added.status !== 201) throw new Error(`destination not created: ${await added.text()}`);

  const createUsers = async (n: number, prefix: string, connections: number, gapMs = 0) => {
    const responded = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < n) {
          const i = next++;
          const response = await fetch(`${origin}/scim/v2/${integration.id}/Users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
            body: JSON.stringify({ userName: `${prefix}${i}@example.com` }),
          });
          const body = (await response.json()) as { id: string };
          responded.set(body.id, performance.now());
          if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
        }
      }),
    );
    return responded;
  };

  // 1. Throughput: the outbox holds `count` events; the worker drains them.
  await createUsers(count, 'pre', 8);
  let started = performance.now();
  await deliverWebhooks({ store, clock, ids, webhooks }, 'bench');
  while (receivedAt.size < count) await deliverWebhooks({ store, clock, ids, webhooks }, 'bench');
  const throughput = count / ((performance.now() - started) / 1000);

  // 2. Latency from the SCIM response to the webhook's receipt, at two poll intervals.
  const latency: Record<string, { p50: number; p99: number }> = {};
  for (const [pollMs, connections, gapMs] of [
    [500, 8, 0],
    [50, 8, 0],
    [500, 1, 20],
    [50, 1, 20],
  ] as const) {
    let running = true;
    const worker = (async () => {
      while (running) {
        await deliverWebhooks({ store, clock, ids, webhooks }, 'bench');
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    })();
    const responded = await createUsers(200, `lat${pollMs}-${connections}-`, connections, gapMs);
    const deadline = Date.now() + 30_000;
    while ([...responded.keys()].some((id) => !receivedAt.has(id)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    running = false;
    await worker;
    const delays = [...responded].map(([id, at]) => (receivedAt.get(id) ?? NaN) - at);
    latency[
      `poll ${pollMs} ms, ${connections === 8 ? 'burst over 8 connections' : 'one request every 20 ms'}`
    ] = {
      p50: Math.round(percentile(delays, 50)),
      p99: Math.round(percentile(delays, 99)),
    };
  }

  // 3. Events API read throughput.
  started = performance.now();
  let read = 0;
  let cursor = '';
  for (;;) {
    const response = await fetch(
      `${origin}/api/v1/organizations/${org}/events?limit=1000${cursor ? `&after=${cursor}` : ''}`,
      { headers: admin },
    );
    const page = (await response.json()) as { data: unknown[]; cursor: string; hasMore: boolean };
    read += page.data.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const readThroughput = read / ((performance.now() - started) / 1000);

  console.log(
    JSON.stringify(
      {
        destination: sets ? 'RFC 8935 SET receiver (ES256 SETs)' : 'Standard Webhooks endpoint',
        deliveredPerSecond: Math.round(throughput),
        scimResponseToReceiptMs: latency,
        eventsApiReadPerSecond: Math.round(readThroughput),
        eventsRead: read,
      },
      null,
      2,
    ),
  );
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
