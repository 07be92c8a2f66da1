import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { AdminClient } from './support/admin-client.js';
import {
  epochSeconds,
  JwksServer,
  makeKey,
  signToken,
  type SigningKey,
} from './support/identity-provider-keys.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ISSUER = 'https://sso.example.test';
const AUDIENCE = 'roster-app';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

describe.each(testEngines)('sign-in through POST .../auth/verify on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let api: string;
  let organizationId: string;
  let okta: IntegrationHandle;
  let idp: JwksServer;
  let rsa: SigningKey;
  let ec: SigningKey;
  let ed: SigningKey;
  let stranger: SigningKey;
  let signerId: string;
  const users: Record<string, string> = {};

  /** A token as the IdP issues it: valid for five minutes from the harness clock. */
  const token = (
    key: SigningKey,
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
  ) => {
    const now = epochSeconds(roster.clock.now());
    return signToken(
      key,
      { iss: ISSUER, aud: AUDIENCE, sub: 'ada@example.com', iat: now, exp: now + 300, ...claims },
      header,
    );
  };
  const verify = async (jwt: string) => {
    const response = await admin.post(`${api}/auth/verify`, { token: jwt });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const refusal = async (jwt: string) => {
    const body = await verify(jwt);
    expect(body.ok, JSON.stringify(body)).toBe(false);
    return body as { ok: false; code: string; message: string; rule?: string };
  };
  const scimPatchActive = (userName: string, active: boolean) =>
    roster.request(okta, 'PATCH', `/Users/${users[userName]}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: active }],
    });

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    api = `/organizations/${organizationId}`;
    [rsa, ec, ed, stranger] = await Promise.all([
      makeKey('RS256', 'rsa-1'),
      makeKey('ES256', 'ec-1'),
      makeKey('EdDSA', 'ed-1'),
      makeKey('RS256', 'rsa-1'),
    ]);
    idp = await JwksServer.start([rsa, ec, ed]);
    const signer = await admin.post(`${api}/jwt-signers`, {
      name: 'Corporate SSO',
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: idp.url,
    });
    expect(signer.status, JSON.stringify(signer.body)).toBe(201);
    signerId = signer.body.id;

    okta = await roster.createIntegration('okta');
    const settings = await admin.patch(`${api}/integrations/${okta.id}/settings`, {
      signInExternalId: 'userName',
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });
    for (const [userName, employeeNumber] of [
      ['ada@example.com', '1001'],
      ['bob@example.com', '1002'],
    ] as const) {
      const created = await roster.request(okta, 'POST', '/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
        userName,
        active: true,
        [ENTERPRISE]: { employeeNumber },
      });
      expect(created.status, created.text).toBe(201);
      users[userName] = created.body.id as string;
    }
    const group = await roster.request(okta, 'POST', '/Groups', {
      displayName: 'Engineering',
      members: [{ value: users['ada@example.com'] }],
    });
    expect(group.status, group.text).toBe(201);
    const role = await admin.post(`${api}/roles`, {
      name: 'Developer',
      permissions: ['repo:write', 'ci:run'],
    });
    const groups = await admin.get(`${api}/groups`);
    const engineering = groups.body.data.find((g: { name: string }) => g.name === 'Engineering');
    expect((await admin.put(`${api}/groups/${engineering.id}/roles`, { roles: [role.body.id] })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await roster.close();
    await idp.close();
  });

  it('signs a valid RS256, ES256 or EdDSA token in as the right identity, with groups, roles and permissions', async () => {
    for (const key of [rsa, ec, ed]) {
      const body = await verify(await token(key));
      expect(body, key.alg).toMatchObject({
        ok: true,
        signer: { id: signerId, name: 'Corporate SSO' },
        identity: {
          name: 'ada@example.com',
          status: 'active',
          signInExternalId: 'ada@example.com',
          groups: [{ name: 'Engineering' }],
          roles: [{ name: 'Developer', permissions: ['repo:write', 'ci:run'] }],
          permissions: ['ci:run', 'repo:write'],
        },
      });
      expect(body.identity.attributes).toContain('Engineering');
      expect(Date.parse(body.expiresAt)).toBe((epochSeconds(roster.clock.now()) + 300) * 1000);
    }
    const bob = await verify(await token(rsa, { sub: 'bob@example.com' }));
    expect(bob).toMatchObject({
      ok: true,
      identity: { name: 'bob@example.com', roles: [], permissions: [] },
    });
  });

  it('fetched the key set once for all of that', () => {
    expect(idp.fetches).toBe(1);
  });

  it('refuses with a stable code for every reason', async () => {
    const now = epochSeconds(roster.clock.now());
    const valid = await token(rsa);
    const [header, payload] = valid.split('.');
    const cases: [string, Promise<string> | string][] = [
      ['malformed_token', 'not-a-jwt'],
      ['malformed_token', `${header}.${base64url('[1,2]')}.c2ln`],
      ['malformed_token', token(rsa, { exp: undefined })],
      [
        'unknown_signer',
        signToken(stranger, {
          iss: 'https://elsewhere.test',
          aud: AUDIENCE,
          sub: 'ada@example.com',
          exp: now + 60,
        }),
      ],
      ['wrong_issuer', token(rsa, { iss: 'https://elsewhere.test' })],
      [
        'bad_signature',
        `${header}.${base64url({ ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()), sub: 'bob@example.com' })}.${valid.split('.')[2]}`,
      ],
      ['bad_signature', token(stranger)],
      ['wrong_audience', token(rsa, { aud: 'another-app' })],
      ['expired', token(rsa, { iat: now - 600, exp: now - 120 })],
      ['not_yet_valid', token(rsa, { nbf: now + 600 })],
      ['no_identity', token(rsa, { sub: 'nobody@example.com' })],
      ['no_identity', token(rsa, { sub: undefined })],
      ['algorithm_not_allowed', `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ];
    for (const [code, jwt] of cases) {
      const refused = await refusal(await jwt);
      expect(refused.code, `${code}: ${refused.message}`).toBe(code);
      expect(refused.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts a token within the clock leeway (60 s) on either side', async () => {
    const now = epochSeconds(roster.clock.now());
    expect((await verify(await token(rsa, { exp: now - 30 }))).ok).toBe(true);
    expect((await verify(await token(rsa, { nbf: now + 30 }))).ok).toBe(true);
    expect((await refusal(await token(rsa, { exp: now - 61 }))).code).toBe('expired');
  });

  it('refuses alg confusion: HS256 keyed with the public key, none, and jwk/jku headers pointing elsewhere', async () => {
    const now = epochSeconds(roster.clock.now());
    const claims = { iss: ISSUER, aud: AUDIENCE, sub: 'ada@example.com', exp: now + 300 };
    const hsInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: 'rsa-1' })}.${base64url(claims)}`;
    for (const secret of [rsa.publicPem, JSON.stringify(rsa.publicJwk)]) {
      const forged = `${hsInput}.${createHmac('sha256', secret).update(hsInput).digest('base64url')}`;
      const refused = await refusal(forged);
      expect(refused.code).toBe('algorithm_not_allowed');
      expect(refused.message).toContain('HMAC');
    }
    const none = `${base64url({ alg: 'none' })}.${base64url(claims)}.`;
    expect((await refusal(none)).code).toBe('algorithm_not_allowed');

    // The attacker's own key, embedded (jwk) or published at a URL of theirs (jku, x5u): never used.
    const attacker = await JwksServer.start([stranger]);
    try {
      for (const header of [
        { jwk: stranger.publicJwk },
        { jku: attacker.url, kid: 'rsa-1' },
        { x5u: attacker.url },
        { jwk: stranger.publicJwk, kid: undefined },
      ]) {
        const refused = await refusal(await token(stranger, {}, header));
        expect(refused.code, JSON.stringify(header)).toBe('bad_signature');
      }
      expect(attacker.fetches).toBe(0);
    } finally {
      await attacker.close();
    }
  });

  it('picks up a key rotated at the IdP on an unknown kid, at most one fetch per 30 s however many tokens ask', async () => {
    const rotated = await makeKey('RS256', 'rsa-2');
    idp.publish([rotated, ec, ed]);
    // The set was fetched moments ago: within the refresh bound, an unknown kid does not fetch again.
    roster.clock.advanceSeconds(5);
    const before = idp.fetches;
    const early = await refusal(await token(rotated));
    expect(early.code).toBe('bad_signature');
    expect(early.message).toMatch(/"rsa-2" is not in the key set .* at most every 30 s/);
    expect(idp.fetches).toBe(before);

    roster.clock.advanceSeconds(30);
    // Twenty requests with the new kid at once: one fetch between them, and all sign in.
    const answers = await Promise.all(Array.from({ length: 20 }, async () => verify(await token(rotated))));
    expect(answers.map((a) => a.ok)).toEqual(Array(20).fill(true));
    expect(idp.fetches).toBe(before + 1);

    // The old key is gone from the set; more unknown kids right away still cause no fetch.
    const gone = await refusal(await token(rsa));
    expect(gone.code).toBe('bad_signature');
    for (let i = 0; i < 5; i++) await refusal(await token(await makeKey('RS256', `probe-${i}`)));
    expect(idp.fetches).toBe(before + 1);
    idp.publish([rsa, rotated, ec, ed]);
    roster.clock.advanceSeconds(31);
    expect((await verify(await token(rsa))).ok).toBe(true);
    expect(idp.fetches).toBe(before + 2);
  });

  it('refuses a user deactivated or deleted through SCIM on the very next verify', async () => {
    const jwt = await token(rsa, { sub: 'bob@example.com' });
    expect((await verify(jwt)).ok).toBe(true);
    const started = Date.now();
    expect((await scimPatchActive('bob@example.com', false)).status).toBe(200);
    const disabled = await refusal(jwt);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(disabled).toMatchObject({ code: 'identity_disabled' });
    expect((await scimPatchActive('bob@example.com', true)).status).toBe(200);
    expect((await verify(jwt)).ok).toBe(true);
    expect((await roster.request(okta, 'DELETE', `/Users/${users['bob@example.com']}`)).status).toBe(204);
    expect(await refusal(jwt)).toMatchObject({ code: 'identity_deleted' });
  });

  it('follows a retroactive change of the external-ID mapping once the remap has run', async () => {
    const byEmail = await token(rsa, { sub: 'ada@example.com' });
    const byEmployeeNumber = await token(rsa, { sub: '1001' });
    expect((await verify(byEmail)).ok).toBe(true);
    expect((await refusal(byEmployeeNumber)).code).toBe('no_identity');
    const changed = await admin.patch(`${api}/integrations/${okta.id}/settings`, {
      signInExternalId: `${ENTERPRISE}:employeeNumber`,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });
    expect(await verify(byEmployeeNumber)).toMatchObject({ ok: true, identity: { name: 'ada@example.com' } });
    expect((await refusal(byEmail)).code).toBe('no_identity');
    await admin.patch(`${api}/integrations/${okta.id}/settings`, { signInExternalId: 'userName' });
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });
    expect((await verify(byEmail)).ok).toBe(true);
  });

  it('applies a custom policy: only its signers, and required claims such as amr containing mfa', async () => {
    const other = await admin.post(`${api}/jwt-signers`, {
      name: 'Contractors',
      issuer: 'https://contractors.example.test',
      audience: AUDIENCE,
      publicKeyPem: ec.publicPem,
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect(other.body.algorithms).toBeNull();
    const policy = await admin.post(`${api}/auth-policies`, {
      name: 'Employees with MFA',
      signers: ['Corporate SSO'],
      requiredClaims: [{ claim: 'amr', anyOf: ['mfa'] }],
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    expect(policy.body.requiredClaims).toEqual([{ claim: 'amr', anyOf: ['mfa'] }]);
    await admin.patch(`${api}/integrations/${okta.id}/settings`, { authPolicyId: policy.body.id });
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });

    const withoutMfa = await refusal(await token(rsa, { amr: ['pwd'] }));
    expect(withoutMfa).toMatchObject({ code: 'policy_refused', rule: 'requiredClaims.0' });
    expect(withoutMfa.message).toContain('Employees with MFA');
    expect((await refusal(await token(rsa))).code).toBe('policy_refused');
    expect(await verify(await token(rsa, { amr: ['pwd', 'mfa'] }))).toMatchObject({ ok: true });

    // A signer the policy does not list: the Default policy would take it, this one does not.
    const contractor = await signToken(ec, {
      iss: 'https://contractors.example.test',
      aud: AUDIENCE,
      sub: 'ada@example.com',
      amr: ['mfa'],
      exp: epochSeconds(roster.clock.now()) + 60,
    });
    expect(await refusal(contractor)).toMatchObject({ code: 'policy_refused', rule: 'signers' });

    // acr in a set, changed through the API; the change applies to the next verify.
    const changed = await admin.patch(`${api}/auth-policies/${policy.body.id}`, {
      requiredClaims: [{ claim: 'acr', anyOf: ['urn:example:loa:2', 'urn:example:loa:3'] }],
    });
    expect(changed.status).toBe(200);
    expect((await refusal(await token(rsa, { acr: 'urn:example:loa:1' }))).rule).toBe('requiredClaims.0');
    expect((await verify(await token(rsa, { acr: 'urn:example:loa:3' }))).ok).toBe(true);

    await admin.patch(`${api}/integrations/${okta.id}/settings`, { authPolicyId: null });
    await runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 'test' });
    expect((await verify(await token(rsa))).ok).toBe(true);
    expect((await verify(contractor)).ok).toBe(true);
    expect((await admin.delete(`${api}/jwt-signers/${other.body.id}`)).status).toBe(204);
  });

  it('honours a signer’s own algorithm list, and refuses a disabled signer', async () => {
    const limited = await admin.patch(`${api}/jwt-signers/${signerId}`, { algorithms: ['ES256'] });
    expect(limited.status, JSON.stringify(limited.body)).toBe(200);
    expect((await refusal(await token(rsa))).code).toBe('algorithm_not_allowed');
    expect((await verify(await token(ec))).ok).toBe(true);
    const badList = await admin.patch(`${api}/jwt-signers/${signerId}`, { algorithms: ['HS256', 'none'] });
    expect(badList.status).toBe(400);
    expect(badList.body.error.message).toMatch(/HMAC/);
    await admin.patch(`${api}/jwt-signers/${signerId}`, { algorithms: null, enabled: false });
    const disabled = await refusal(await token(rsa));
    expect(disabled.code).toBe('unknown_signer');
    expect(disabled.message).toContain('disabled');
    await admin.patch(`${api}/jwt-signers/${signerId}`, { enabled: true });
    expect((await verify(await token(rsa))).ok).toBe(true);
  });

  it('applies an edit of the signer at once: issuer, audience, claim and key source', async () => {
    const NEW_ISSUER = 'https://login.example.test';
    const NEW_AUDIENCE = 'roster-app-v2';
    expect((await verify(await token(rsa))).ok).toBe(true);
    const moved = await admin.patch(`${api}/jwt-signers/${signerId}`, {
      issuer: NEW_ISSUER,
      audience: NEW_AUDIENCE,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ issuer: NEW_ISSUER, audience: NEW_AUDIENCE, name: 'Corporate SSO' });
    expect((await refusal(await token(rsa))).code).toBe('wrong_issuer');
    expect((await refusal(await token(rsa, { iss: NEW_ISSUER }))).code).toBe('wrong_audience');
    expect((await verify(await token(rsa, { iss: NEW_ISSUER, aud: NEW_AUDIENCE }))).ok).toBe(true);

    // The claim matched against the sign-in external ID.
    await admin.patch(`${api}/jwt-signers/${signerId}`, { externalIdClaim: 'email' });
    const moved2 = { iss: NEW_ISSUER, aud: NEW_AUDIENCE };
    expect((await verify(await token(rsa, moved2))).ok).toBe(false);
    expect((await verify(await token(rsa, { ...moved2, sub: 'x', email: 'ada@example.com' }))).ok).toBe(true);

    // Another key set: the old keys stop verifying at once (the key cache is per signer and URL).
    const other = await JwksServer.start([stranger]);
    try {
      await admin.patch(`${api}/jwt-signers/${signerId}`, { jwksUrl: other.url });
      const claims = { ...moved2, sub: 'x', email: 'ada@example.com' };
      expect((await refusal(await token(rsa, claims))).code).toBe('bad_signature');
      expect((await verify(await token(stranger, claims))).ok).toBe(true);
    } finally {
      const back = await admin.patch(`${api}/jwt-signers/${signerId}`, {
        issuer: ISSUER,
        audience: AUDIENCE,
        externalIdClaim: 'sub',
        jwksUrl: idp.url,
      });
      expect(back.status).toBe(200);
      await other.close();
    }
    expect((await verify(await token(rsa))).ok).toBe(true);
    // Validation and the error mapping: an http JWKS URL off localhost and an empty issuer are 400.
    const bad = await admin.patch(`${api}/jwt-signers/${signerId}`, {
      jwksUrl: 'http://keys.example.com/jwks',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await admin.patch(`${api}/jwt-signers/${signerId}`, {})).status).toBe(400);
  });

  it('records sessions that are revoked the moment their identity is disabled', async () => {
    const jwt = await token(rsa);
    const started = await admin.post(`${api}/sessions`, { token: jwt, expiresInSeconds: 3600 });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toMatchObject({
      ok: true,
      session: { signerId, valid: true, status: 'active', reason: null, revokedAt: null },
      identity: { name: 'ada@example.com' },
    });
    const session = `${api}/sessions/${started.body.session.id}`;
    expect((await admin.get(session)).body).toMatchObject({ valid: true, status: 'active' });

    expect((await scimPatchActive('ada@example.com', false)).status).toBe(200);
    expect((await admin.get(session)).body).toMatchObject({
      valid: false,
      status: 'revoked',
      reason: 'identity_disabled',
    });
    expect((await scimPatchActive('ada@example.com', true)).status).toBe(200);
    expect((await admin.get(session)).body).toMatchObject({ valid: true });

    roster.clock.advanceSeconds(3601);
    expect((await admin.get(session)).body).toMatchObject({
      valid: false,
      status: 'expired',
      reason: 'expired',
    });
    roster.clock.advanceSeconds(-3601);

    const revoked = await admin.delete(session);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ valid: false, status: 'revoked', reason: 'revoked' });
    expect(revoked.body.revokedAt).not.toBeNull();

    const refused = await admin.post(`${api}/sessions`, { token: await token(rsa, { aud: 'other' }) });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, code: 'wrong_audience' });
    expect((await admin.get(`${api}/sessions/${ids.newId()}`)).status).toBe(404);
  });

  it('explains step by step why a token would or would not sign in (the signer test)', async () => {
    const test = (jwt: string) => admin.post(`${api}/jwt-signers/${signerId}/test`, { token: jwt });
    const passing = await test(await token(rsa));
    expect(passing.status, JSON.stringify(passing.body)).toBe(200);
    expect(passing.body).toMatchObject({ signerId, wouldSignIn: true, refusal: null });
    expect(passing.body.steps.map((s: { step: string; result: string }) => `${s.step}:${s.result}`)).toEqual(
      [
        'token',
        'signer',
        'algorithm',
        'key',
        'signature',
        'issuer',
        'audience',
        'lifetime',
        'claim',
        'identity',
        'status',
        'policy',
      ].map((s) => `${s}:passed`),
    );

    const expired = await test(await token(rsa, { exp: epochSeconds(roster.clock.now()) - 3600 }));
    expect(expired.body).toMatchObject({ wouldSignIn: false, refusal: { code: 'expired' } });
    const results = Object.fromEntries(
      expired.body.steps.map((s: { step: string; result: string }) => [s.step, s.result]),
    );
    expect(results).toMatchObject({
      signature: 'passed',
      audience: 'passed',
      lifetime: 'failed',
      claim: 'not_checked',
      policy: 'not_checked',
    });

    // Against this one signer, a foreign issuer is wrong_issuer at the issuer step, after the signature.
    const foreign = await test(await token(rsa, { iss: 'https://elsewhere.test' }));
    expect(foreign.body.refusal.code).toBe('wrong_issuer');
    expect(foreign.body.steps.find((s: { step: string }) => s.step === 'issuer').result).toBe('failed');
    expect((await test('garbage')).body.refusal.code).toBe('malformed_token');
    expect((await admin.post(`${api}/jwt-signers/${ids.newId()}/test`, { token: 'x.y.z' })).status).toBe(404);
  });

  it('keeps organizations apart: an organization key verifies in its own organization only', async () => {
    const otherId = await roster.createOrganization('other-org');
    const own = await AdminClient.forOrganization(roster, organizationId);
    const foreign = await AdminClient.forOrganization(roster, otherId);
    const jwt = await token(rsa);
    expect((await own.post(`${api}/auth/verify`, { token: jwt })).body.ok).toBe(true);
    expect((await foreign.post(`${api}/auth/verify`, { token: jwt })).status).toBe(404);
    const inOther = await foreign.post(`/organizations/${otherId}/auth/verify`, { token: jwt });
    expect(inOther.body).toMatchObject({ ok: false, code: 'unknown_signer' });
    expect(
      (await new AdminClient(roster.origin, undefined).post(`${api}/auth/verify`, { token: jwt })).status,
    ).toBe(401);
    expect((await admin.post(`${api}/auth/verify`, { token: '' })).status).toBe(400);
    expect((await admin.post(`${api}/auth/verify`, {})).status).toBe(400);
  });

  it('does not fetch keys from private addresses unless the operator allows it', async () => {
    const guarded = await RosterHarness.start(engine, { signIn: { allowPrivateJwksUrls: false } });
    try {
      const guardedAdmin = await AdminClient.installation(guarded);
      const org = (await guarded.store.organizations.findByName('default'))?.id as string;
      const created = await guardedAdmin.post(`/organizations/${org}/jwt-signers`, {
        name: 'Local IdP',
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: idp.url.replace('127.0.0.1', 'localhost'),
      });
      expect(created.status).toBe(201);
      const before = idp.fetches;
      const now = epochSeconds(guarded.clock.now());
      const jwt = await signToken(rsa, { iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: now + 60 });
      const answer = await guardedAdmin.post(`/organizations/${org}/auth/verify`, { token: jwt });
      expect(answer.body).toMatchObject({ ok: false, code: 'keys_unavailable' });
      expect(answer.body.message).toMatch(/loopback address/);
      expect(idp.fetches).toBe(before);
    } finally {
      await guarded.close();
    }
  });

  it('says keys_unavailable when a JWKS URL does not answer', async () => {
    const closed = await JwksServer.start([]);
    const url = closed.url;
    await closed.close();
    const created = await admin.post(`${api}/jwt-signers`, {
      name: 'Down',
      issuer: 'https://down.example.test',
      audience: AUDIENCE,
      jwksUrl: url,
    });
    const jwt = await signToken(rsa, {
      iss: 'https://down.example.test',
      aud: AUDIENCE,
      sub: 'ada@example.com',
      exp: epochSeconds(roster.clock.now()) + 60,
    });
    const refused = await refusal(jwt);
    expect(refused.code).toBe('keys_unavailable');
    expect((await admin.delete(`${api}/jwt-signers/${created.body.id}`)).status).toBe(204);
  });
});
