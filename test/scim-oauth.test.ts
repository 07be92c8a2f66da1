import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaConformanceProblems } from '../src/core/resource/schema-conformance.js';
import type { SchemaDefinition } from '../src/core/schema/attribute-definition.js';
import { discoverySchemas } from '../src/core/schema/discovery-schemas.js';
import { AdminClient } from './support/admin-client.js';
import {
  epochSeconds,
  JwksServer,
  makeKey,
  signToken,
  type SigningKey,
} from './support/identity-provider-keys.js';
import { RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const SPC = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const ISSUER = 'https://login.example.test/tenant/v2.0';
const AUDIENCE = 'api://roster-scim';

describe.each(testEngines)('SCIM with OAuth 2.0 JWT access tokens on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let integration: IntegrationHandle;
  let oauthPath: string;
  let idp: JwksServer;
  let key: SigningKey;
  let other: SigningKey;

  const accessToken = (
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
    signer = key,
  ) => {
    const now = epochSeconds(roster.clock.now());
    return signToken(
      signer,
      { iss: ISSUER, aud: AUDIENCE, sub: 'entra-provisioning', iat: now, exp: now + 3600, ...claims },
      { typ: 'at+jwt', ...header },
    );
  };
  /** The integration's URL with a bearer of our choosing. */
  const asBearer = (bearer: string): IntegrationHandle => ({ ...integration, token: bearer });
  /** Switches OAuth on for the integration (each test that needs it says so: the tests run in any order). */
  const oauthOn = async () => {
    const saved = await admin.request('PUT', oauthPath, {
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: idp.url,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  };

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    [key, other] = await Promise.all([makeKey('RS256', 'entra-1'), makeKey('ES256', 'entra-1')]);
    idp = await JwksServer.start([key]);
    integration = await roster.createIntegration('entra');
    oauthPath = `/organizations/${organizationId}/integrations/${integration.id}/oauth`;
  });
  afterAll(async () => {
    await roster.close();
    await idp.close();
  });

  it('refuses a JWT while the integration has no OAuth settings, and advertises only the static token', async () => {
    // An integration of its own: the other tests switch OAuth on and off on theirs.
    const plain = await roster.createIntegration('entra-without-oauth');
    const plainPath = oauthPath.replace(integration.id, plain.id);
    expect((await admin.get(plainPath)).body).toEqual({ oauth: null });
    const refused = await roster.request({ ...plain, token: await accessToken() }, 'GET', '/Users');
    expect(refused.status).toBe(401);
    const config = await roster.request(plain, 'GET', '/ServiceProviderConfig');
    expect(config.body.authenticationSchemes).toEqual([
      expect.objectContaining({
        type: 'oauthbearertoken',
        primary: true,
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
      }),
    ]);
  });

  it('checks the settings it is given', async () => {
    const bad = await admin.request('PUT', oauthPath, {
      issuer: ' ',
      audience: AUDIENCE,
      jwksUrl: 'ftp://x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/issuer must not be empty; jwksUrl must use https/i);
    const saved = await admin.request('PUT', oauthPath, {
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: idp.url,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ oauth: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: idp.url } });
  });

  it('accepts an access token from the configured issuer, and the static token still works', async () => {
    await oauthOn();
    const viaOauth = await roster.request(asBearer(await accessToken()), 'POST', '/Users', {
      userName: 'oauth-user@example.com',
    });
    expect(viaOauth.status, viaOauth.text).toBe(201);
    const viaStatic = await roster.request(
      integration,
      'GET',
      '/Users?filter=userName eq "oauth-user@example.com"',
    );
    expect(viaStatic.status).toBe(200);
    expect(viaStatic.body.totalResults).toBe(1);
    // Entra's access tokens say typ "JWT"; a token with no typ passes as well.
    for (const header of [{ typ: 'JWT' }, { typ: undefined }]) {
      expect((await roster.request(asBearer(await accessToken({}, header)), 'GET', '/Users')).status).toBe(
        200,
      );
    }
  });

  it('answers the same 401 to a wrong audience, issuer, key, algorithm, type or lifetime as to a wrong static token', async () => {
    await oauthOn();
    const wrongStatic = await roster.request(asBearer('roster_scim_not-the-token'), 'GET', '/Users');
    expect(wrongStatic.status).toBe(401);
    const now = epochSeconds(roster.clock.now());
    const tokens = [
      await accessToken({ aud: 'api://another-app' }),
      await accessToken({ iss: 'https://login.example.test/other/v2.0' }),
      await accessToken({}, {}, other),
      await accessToken({ exp: now - 3600 }),
      await accessToken({ nbf: now + 3600 }),
      await accessToken({}, { typ: 'logout+jwt' }),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, exp: now + 60 })).toString('base64url')}.`,
    ];
    for (const jwt of tokens) {
      const refused = await roster.request(asBearer(jwt), 'GET', '/Users');
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual(wrongStatic.body);
      expect(refused.headers.get('www-authenticate')).toBe(wrongStatic.headers.get('www-authenticate'));
    }
  });

  it('advertises both schemes in this integration’s /ServiceProviderConfig, valid against its schema', async () => {
    await oauthOn();
    const config = await roster.request(integration, 'GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.body.authenticationSchemes).toEqual([
      expect.objectContaining({ type: 'oauthbearertoken', primary: true }),
      expect.objectContaining({
        type: 'oauthbearertoken',
        name: 'OAuth 2.0 JWT access token',
        specUri: 'https://www.rfc-editor.org/rfc/rfc9068',
        primary: false,
      }),
    ]);
    expect(
      String((config.body.authenticationSchemes as { description: string }[])[1]?.description),
    ).toContain(ISSUER);
    const schema = discoverySchemas.find((s) => s.id === SPC) as SchemaDefinition;
    expect(schemaConformanceProblems(schema, config.body)).toEqual([]);
    // Another integration still says only what it accepts.
    const plain = await roster.createIntegration('okta');
    const plainConfig = await roster.request(plain, 'GET', '/ServiceProviderConfig');
    expect((plainConfig.body.authenticationSchemes as unknown[]).length).toBe(1);
    // A token for this integration opens no other integration.
    expect((await roster.request({ ...plain, token: await accessToken() }, 'GET', '/Users')).status).toBe(
      401,
    );
  });

  it('stops accepting access tokens at once when OAuth is switched off', async () => {
    await oauthOn();
    const jwt = await accessToken();
    expect((await roster.request(asBearer(jwt), 'GET', '/Users')).status).toBe(200);
    expect((await admin.delete(oauthPath)).status).toBe(204);
    expect((await roster.request(asBearer(jwt), 'GET', '/Users')).status).toBe(401);
    expect((await roster.request(integration, 'GET', '/Users')).status).toBe(200);
  });
});
