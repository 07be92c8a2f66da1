import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../src/cli/secret-keys.js';
import { createSecretCipher } from '../src/directory/secrets/secret-cipher.js';
import { openSqlite } from '../src/store/sqlite/open-sqlite.js';
import { freePort, roster, startServer } from './support/spawn-roster.js';

const dataDir = mkdtempSync(join(tmpdir(), 'roster-set-secrets-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A real receiver on 127.0.0.1 that answers 202 (SETs) or 204 (webhooks) and keeps what came. */
async function receiver(status: number) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
  return { received, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function sealedRows(file: string) {
  const db = openSqlite(file);
  try {
    const destinations = await db.selectFrom('webhook_endpoints').select(['kind', 'secret']).execute();
    const keys = await db.selectFrom('security_event_keys').select(['private_key']).execute();
    return [...destinations.map((d) => d.secret), ...keys.map((k) => k.private_key)];
  } finally {
    await db.destroy();
  }
}

describe('roster secrets rotate and delivery secrets', () => {
  it('re-seals webhook secrets, SET receiver credentials and SET signing keys; deliveries still verify', async () => {
    const file = join(dataDir, 'roster.db');
    const port = await freePort();
    const env = {
      ROSTER_DATABASE_URL: `sqlite:${file}`,
      ROSTER_PORT: String(port),
      ROSTER_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
      ROSTER_WEBHOOK_POLL_MS: '50',
    };
    const hooks = await receiver(204);
    const sets = await receiver(202);
    try {
      // The first start makes the key file; the destinations are made with the CLI while it is down.
      await (await startServer(env)).stop();
      const webhook = JSON.parse(
        (await roster(['webhook', 'create', '--url', hooks.url, '--json'], env)).stdout,
      ) as { endpoint: { id: string }; secret: string };
      const receiverRow = JSON.parse(
        (
          await roster(
            [
              'security-events',
              'create',
              '--url',
              sets.url,
              '--audience',
              'https://app.example.com',
              '--authorization',
              'Bearer set-credential',
              '--json',
            ],
            env,
          )
        ).stdout,
      ) as { id: string };
      expect(receiverRow.id).toBeTruthy();
      const listed = (await roster(['security-events', 'list'], env)).stdout;
      expect(listed).toContain(receiverRow.id);
      expect(listed).not.toContain('set-credential');

      const before = await sealedRows(file);
      const rotated = JSON.parse((await roster(['secrets', 'rotate', '--json'], env)).stdout) as {
        currentKeyId: string;
        resealed: number;
      };
      // The cursor-signing key, the webhook secret, the receiver's credential and the SET key.
      expect(rotated.resealed).toBe(4);
      const [newKey, oldKey] = readKeyFile(join(dataDir, 'roster-secret.key'));
      const after = await sealedRows(file);
      expect(after).toHaveLength(3);
      for (const [i, sealed] of after.entries()) {
        expect(sealed.split('.')[1]).toBe(rotated.currentKeyId);
        expect(() => createSecretCipher({ keys: [oldKey!] }).decrypt(sealed)).toThrow();
        expect(createSecretCipher({ keys: [newKey!] }).decrypt(sealed)).toBe(
          createSecretCipher({ keys: [oldKey!] }).decrypt(before[i]!),
        );
      }

      // A server holding only the new key delivers, and both kinds of delivery verify.
      const server = await startServer(env);
      try {
        const integration = JSON.parse(
          (await roster(['integration', 'create', '--name', 'okta', '--json'], env)).stdout,
        ) as { token: string; integrationUrl: string };
        const created = await fetch(`${integration.integrationUrl}/Users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${integration.token}`, 'content-type': 'application/scim+json' },
          body: JSON.stringify({ userName: 'after-rotation@example.com' }),
        });
        expect(created.status).toBe(201);
        const deadline = Date.now() + 10_000;
        while ((hooks.received.length < 1 || sets.received.length < 1) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        const hook = hooks.received[0]!;
        const headers = Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(hook.headers[h])]),
        );
        expect(() => new Webhook(webhook.secret).verify(hook.body, headers)).not.toThrow();
        const set = sets.received[0]!;
        expect(set.headers.authorization).toBe('Bearer set-credential');
        const organizationId = JSON.parse(hook.body).organizationId as string;
        const issuer = `http://127.0.0.1:${port}/security-events/${organizationId}`;
        const { payload } = await jwtVerify(set.body, createRemoteJWKSet(new URL(`${issuer}/jwks.json`)), {
          issuer,
          audience: 'https://app.example.com',
        });
        expect(Object.keys(payload.events as object)).toEqual([
          'urn:ietf:params:scim:event:prov:create:full',
        ]);
      } finally {
        await server.stop();
      }
    } finally {
      await hooks.close();
      await sets.close();
    }
  });
});
