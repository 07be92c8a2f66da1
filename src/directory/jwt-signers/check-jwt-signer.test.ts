import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkJwtSigner, type JwtSignerFields } from './check-jwt-signer.js';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const rsaPkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();
const x25519 = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

const base: JwtSignerFields = { name: 'web', issuer: 'https://auth.example', audience: 'app' };

describe('checkJwtSigner', () => {
  it('accepts a JWKS URL and fills in the defaults (claim sub, enabled)', () => {
    expect(checkJwtSigner({ ...base, name: ' web ', jwksUrl: 'https://auth.example/jwks' })).toEqual({
      ok: true,
      value: {
        name: 'web',
        issuer: 'https://auth.example',
        audience: 'app',
        jwksUrl: 'https://auth.example/jwks',
        publicKeyPem: null,
        externalIdClaim: 'sub',
        enabled: true,
        algorithms: null,
      },
    });
  });

  it('accepts a PEM public key and stores it as SPKI', () => {
    const result = checkJwtSigner({
      ...base,
      publicKeyPem: rsaPkcs1,
      externalIdClaim: 'email',
      enabled: false,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----$/,
    );
    expect(result.value).toMatchObject({ jwksUrl: null, externalIdClaim: 'email', enabled: false });
  });

  const accepted: [string, Partial<JwtSignerFields>][] = [
    ['http to localhost', { jwksUrl: 'http://localhost:9000/jwks' }],
    ['http to 127.0.0.1', { jwksUrl: 'http://127.0.0.1/jwks' }],
    ['http to [::1]', { jwksUrl: 'http://[::1]:8080/jwks' }],
    ['an EC SPKI key', { publicKeyPem: publicPem }],
    ['a blank JWKS URL beside a key', { jwksUrl: '  ', publicKeyPem: publicPem }],
  ];
  it.each(accepted)('accepts %s', (_name, fields) => {
    expect(checkJwtSigner({ ...base, ...fields }).ok).toBe(true);
  });

  const refused: [string, Partial<JwtSignerFields>, string][] = [
    ['an empty name', { name: ' ', jwksUrl: 'https://x/j' }, 'A JWT signer needs a non-empty name'],
    [
      'an empty issuer',
      { issuer: '', jwksUrl: 'https://x/j' },
      'the issuer (the JWT "iss" claim) must not be empty',
    ],
    [
      'an empty audience',
      { audience: ' ', jwksUrl: 'https://x/j' },
      'the audience (the JWT "aud" claim) must not be empty',
    ],
    ['no key at all', {}, 'give exactly one of a JWKS URL and a PEM public key'],
    [
      'both key sources',
      { jwksUrl: 'https://x/j', publicKeyPem: publicPem },
      'give exactly one of a JWKS URL and a PEM public key',
    ],
    [
      'plain http elsewhere',
      { jwksUrl: 'http://auth.example/jwks' },
      'the JWKS URL must use https (http is allowed only for localhost)',
    ],
    [
      'a host that only starts like localhost',
      { jwksUrl: 'http://localhost.evil.example/jwks' },
      'the JWKS URL must use https (http is allowed only for localhost)',
    ],
    [
      'another scheme',
      { jwksUrl: 'ftp://auth.example/jwks' },
      'the JWKS URL must use https (http is allowed only for localhost)',
    ],
    ['not a URL', { jwksUrl: 'auth.example/jwks' }, 'the JWKS URL "auth.example/jwks" is not a URL'],
    [
      'credentials in the URL',
      { jwksUrl: 'https://u:p@auth.example/jwks' },
      'the JWKS URL must not contain credentials',
    ],
    [
      'a private key',
      { publicKeyPem: privatePem },
      'that is a private key: give the public key (openssl pkey -in key.pem -pubout)',
    ],
    [
      'a PEM header around garbage',
      { publicKeyPem: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----' },
      'the public key is not a PEM public key ("-----BEGIN PUBLIC KEY-----" …) that can be read',
    ],
    [
      'a key type that cannot sign',
      { publicKeyPem: x25519 },
      'a x25519 key cannot sign JWTs; use an RSA, EC or Ed25519 key',
    ],
    [
      'a claim with spaces',
      { jwksUrl: 'https://x/j', externalIdClaim: 'my claim' },
      'the external ID claim must be a claim name without spaces',
    ],
  ];
  it.each(refused)('refuses %s', (_name, fields, problem) => {
    expect(checkJwtSigner({ ...base, ...fields })).toEqual({
      ok: false,
      error: [{ field: expect.any(String), message: problem }],
    });
  });

  it('reports every problem at once', () => {
    const result = checkJwtSigner({ name: '', issuer: '', audience: '' });
    expect(result.ok || result.error).toHaveLength(4);
  });

  it('checks an explicit algorithm list: asymmetric only, and only what the PEM key can verify', () => {
    const ok = checkJwtSigner({ ...base, publicKeyPem: publicPem, algorithms: ['ES256', ' ES256'] });
    expect(ok.ok && ok.value.algorithms).toEqual(['ES256']);
    expect(checkJwtSigner({ ...base, publicKeyPem: publicPem, algorithms: ['RS256'] })).toEqual({
      ok: false,
      error: [
        { field: 'algorithms', message: 'algorithms: the public key cannot verify RS256 (it fits ES256)' },
      ],
    });
    const refused = checkJwtSigner({ ...base, jwksUrl: 'https://x/j', algorithms: ['HS256', 'none', 'XY1'] });
    expect(refused.ok || refused.error.map((p) => p.message)).toEqual([
      "algorithms: HS256 is an HMAC algorithm; a signer's tokens are verified with public keys",
      'algorithms: "none" (an unsigned token) is never accepted',
      'algorithms: "XY1" is not a JWS algorithm Roster verifies (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, Ed25519)',
    ]);
    const jwks = checkJwtSigner({ ...base, jwksUrl: 'https://x/j', algorithms: ['PS256', 'EdDSA'] });
    expect(jwks.ok && jwks.value.algorithms).toEqual(['PS256', 'EdDSA']);
  });
});
