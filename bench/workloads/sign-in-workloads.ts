import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { send, type HttpTarget } from '../http/http-request.js';
import { userName } from '../seed/user-attributes.js';
import { answerJson, steadyLoad, type Workload, type WorkloadContext } from './workload.js';

const ISSUER = 'https://idp.bench.example';
const AUDIENCE = 'bench-app';
/** Distinct tokens the load cycles through: enough that no cache of ours could hide the work. */
const MAX_TOKENS = 1000;
const REMAP_LIMIT_MS = 300_000;

async function call(target: HttpTarget, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) {
  const answer = await send(target, {
    method,
    path,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (answer.status >= 300)
    throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

/**
 * Sets the directory up for sign-in through the admin API, as an operator would: an admin key (CLI),
 * sign-in external IDs from userName (a settings change and the remap the server runs), and a JWT
 * signer with an RS256 PEM public key. Returns the admin target and one signed token per user.
 */
async function prepareSignIn(context: WorkloadContext) {
  const secret = (
    JSON.parse(
      await context.cli([
        'admin-key',
        'create',
        '--name',
        `bench-${context.runTag}`,
        '--installation',
        '--json',
      ]),
    ) as {
      secret: string;
    }
  ).secret;
  const admin: HttpTarget = {
    origin: context.target.origin,
    headers: { authorization: `Bearer ${secret}`, accept: 'application/json' },
    contentType: 'application/json',
  };
  const { id: integrationId, organizationId } = context.integration;
  const api = `/api/v1/organizations/${organizationId}`;

  const changed = await call(admin, 'PATCH', `${api}/integrations/${integrationId}/settings`, {
    signInExternalId: 'userName',
  });
  const jobId = (changed.remapJob as { id: string }).id;
  const deadline = performance.now() + REMAP_LIMIT_MS;
  for (;;) {
    const job = await call(admin, 'GET', `${api}/remap-jobs/${jobId}`);
    if (job.status === 'done') break;
    if (job.status === 'failed' || performance.now() > deadline)
      throw new Error(`the remap job ended ${String(job.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await call(admin, 'POST', `${api}/jwt-signers`, {
    name: `bench ${context.runTag}`,
    issuer: ISSUER,
    audience: AUDIENCE,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  const signingKey = await importPKCS8(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'RS256',
  );
  const { from, to } = context.apiUsers;
  const users = Array.from({ length: Math.min(MAX_TOKENS, to - from) }, (_, i) => from + i);
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const tokens = await Promise.all(
    users.map((index) =>
      new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: userName('user', index), exp })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .sign(signingKey),
    ),
  );
  return { admin, api, users, tokens };
}

/** POST .../auth/verify with a valid RS256 token of a different user each request. */
export const verifySignIn: Workload = {
  name: 'verify',
  floor: 'read',
  sends:
    'POST /api/v1/organizations/{organizationId}/auth/verify with a valid RS256 token (PEM signer), a different user each request',
  async prepare(context) {
    if (context.apiUsers.to <= context.apiUsers.from) {
      return {
        ok: false,
        status: 'failed',
        reason: 'no users were created through POST /Users, so none has an identity',
      };
    }
    const { admin, api, users, tokens } = await prepareSignIn(context);
    const at = (cycle: number) => cycle % tokens.length;
    return steadyLoad(context, {
      target: admin,
      steps: [
        (cycle) => ({
          method: 'POST',
          path: `${api}/auth/verify`,
          body: JSON.stringify({ token: tokens[at(cycle)] }),
        }),
      ],
      verify: ([answer]) => {
        const body = answerJson(answer);
        const name = (body?.identity as { name?: unknown } | undefined)?.name;
        return body?.ok === true && name === userName('user', users[0] ?? 0)
          ? undefined
          : {
              status: 'failed',
              reason: `verify did not sign the user in: ${answer?.text.slice(0, 300) ?? ''}`,
            };
      },
      note: `${tokens.length} distinct tokens`,
    });
  },
};
