import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  epochSeconds,
  JwksServer,
  makeKey,
  signToken,
  type SigningKey,
} from './support/identity-provider-keys.js';
import { freePort, roster, startServer, type ServerProcess } from './support/spawn-roster.js';
import { testEngines, type TestDatabase } from './support/test-engines.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ISSUER = 'https://sso.example.test';
const AUDIENCE = 'roster-app';

/**
 * Sign-in against real server processes and the operator's CLI. On PostgreSQL two instances share the
 * directory: a deactivation written through one is refused by the next verify on the other, because
 * verify reads the identity's status from the database every time. (SQLite is one process's file, so
 * there it is one instance.)
 */
describe.each(testEngines)('sign-in across server processes on $name', (engine) => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;
  let origins: string[];
  let adminKey: string;
  let organizationId: string;
  let integrationId: string;
  let scimToken: string;
  let idp: JwksServer;
  let key: SigningKey;
  let userId: string;

  const token = (claims: Record<string, unknown> = {}) => {
    const now = epochSeconds(new Date());
    return signToken(key, { iss: ISSUER, aud: AUDIENCE, sub: 'ada@example.com', exp: now + 300, ...claims });
  };
  const verifyOn = async (origin: string, jwt: string) => {
    const response = await fetch(`${origin}/api/v1/organizations/${organizationId}/auth/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: jwt }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { ok: boolean; code?: string; identity?: { name: string } };
  };
  const scim = async (origin: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}/scim/v2/${integrationId}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${scimToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const cli = async (...args: string[]) => (await roster(args, env)).stdout;
  const first = () => origins[0] as string;
  const last = () => origins[origins.length - 1] as string;

  beforeAll(async () => {
    database = await engine.open();
    key = await makeKey('ES256', 'es-1');
    idp = await JwksServer.start([key]);
    env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_JOB_POLL_MS: '100',
      // The test's JWKS server is on 127.0.0.1, which the SSRF protection refuses by default.
      ROSTER_ALLOW_PRIVATE_JWKS_URLS: 'true',
    };
    const count = engine.name === 'postgres' ? 2 : 1;
    const ports: number[] = [];
    while (ports.length < count) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    for (const port of ports) servers.push(await startServer({ ...env, ROSTER_PORT: String(port) }));
    origins = ports.map((port) => `http://127.0.0.1:${port}`);

    adminKey = (
      JSON.parse(await cli('admin-key', 'create', '--name', 'app', '--installation', '--json')) as {
        secret: string;
      }
    ).secret;
    const created = JSON.parse(
      await cli('integration', 'create', '--name', 'okta', '--idp', 'okta', '--json'),
    ) as {
      id: string;
      token: string;
    };
    integrationId = created.id;
    scimToken = created.token;
    const signer = JSON.parse(
      await cli(
        'jwt-signer',
        'create',
        '--name',
        'Corporate SSO',
        '--issuer',
        ISSUER,
        '--audience',
        AUDIENCE,
        '--jwks-url',
        idp.url,
        '--json',
      ),
    ) as { organizationId: string };
    organizationId = signer.organizationId;
    const user = await scim(first(), 'POST', '/Users', { userName: 'ada@example.com', active: true });
    expect(user.status).toBe(201);
    userId = user.body.id as string;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await idp.close();
    await database?.dispose();
  });

  it('matches no one until `roster integration set --external-id` and the remap worker map the users', async () => {
    expect(await verifyOn(last(), await token())).toMatchObject({ ok: false, code: 'no_identity' });
    const set = await cli('integration', 'set', integrationId, '--external-id', 'userName', '--json');
    const jobId = (JSON.parse(set) as { job: { id: string } }).job.id;
    // The servers' own worker runs the job; follow it through the API until it is done.
    const deadline = Date.now() + 20_000;
    let status = '';
    while (status !== 'done' && Date.now() < deadline) {
      const job = await fetch(`${first()}/api/v1/organizations/${organizationId}/remap-jobs/${jobId}`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      status = ((await job.json()) as { status: string }).status;
      if (status !== 'done') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('done');
    for (const origin of origins) {
      expect(await verifyOn(origin, await token())).toMatchObject({
        ok: true,
        identity: { name: 'ada@example.com' },
      });
    }
  });

  it('refuses a user deactivated through SCIM on the next verify, on every instance, within the second', async () => {
    const jwt = await token();
    expect((await verifyOn(last(), jwt)).ok).toBe(true);
    const started = Date.now();
    const patched = await scim(first(), 'PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(patched.status).toBe(200);
    for (const origin of origins)
      expect(await verifyOn(origin, jwt)).toMatchObject({ ok: false, code: 'identity_disabled' });
    expect(Date.now() - started).toBeLessThan(1000);

    const reactivated = await scim(last(), 'PATCH', `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect(reactivated.status).toBe(200);
    expect((await verifyOn(first(), jwt)).ok).toBe(true);
  });

  it('explains a token with `roster jwt-signer test`, exiting 3 when it would not sign in', async () => {
    const passing = await cli('jwt-signer', 'test', 'Corporate SSO', '--token', await token());
    expect(passing).toMatch(/ok {3}signature/);
    expect(passing).toMatch(/ok {3}policy/);
    expect(passing).toContain('This token WOULD sign in');
    const expired = await token({ exp: epochSeconds(new Date()) - 3600 });
    const failure = await roster(['jwt-signer', 'test', 'Corporate SSO', '--token', expired], env).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(3);
    expect(failure?.stdout).toMatch(/FAIL lifetime/);
    expect(failure?.stdout).toMatch(/- {4}identity/);
    expect(failure?.stdout).toContain('would NOT sign in through "Corporate SSO": expired');
    const asJson = JSON.parse(
      await cli('jwt-signer', 'test', 'Corporate SSO', '--token', await token(), '--json'),
    ) as {
      wouldSignIn: boolean;
      steps: { step: string; result: string }[];
    };
    expect(asJson.wouldSignIn).toBe(true);
    expect(asJson.steps).toHaveLength(12);
  });

  it('refuses a user deleted through SCIM on the next verify, on every instance', async () => {
    const jwt = await token();
    expect((await scim(last(), 'DELETE', `/Users/${userId}`)).status).toBe(204);
    for (const origin of origins)
      expect(await verifyOn(origin, jwt)).toMatchObject({ ok: false, code: 'identity_deleted' });
  });
});
