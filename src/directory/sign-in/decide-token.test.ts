import { describe, expect, it } from 'vitest';
import { decideToken, type TokenEvidence } from './decide-token.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function evidence(header: { typ?: string } = {}, accessToken = true): TokenEvidence {
  return {
    token: {
      compact: 'h.p.s',
      header: { alg: 'ES256', kid: undefined, typ: header.typ },
      claims: { iss: 'https://login.test', aud: ['api://scim'], exp: NOW / 1000 + 60 },
    },
    issuer: {
      name: 'integration',
      issuer: 'https://login.test',
      audience: 'api://scim',
      enabled: true,
      algorithms: ['ES256'],
    },
    picked: 'the integration',
    nowMs: NOW,
    clockSkewSeconds: 0,
    accessToken,
    key: { kind: 'found', detail: 'the key' },
    signatureValid: { valid: true, detail: 'the key' },
  };
}

describe('decideToken for OAuth access tokens (RFC 9068)', () => {
  it.each([['at+jwt'], ['application/at+jwt'], ['JWT'], [undefined]])('accepts typ %s', (typ) => {
    expect(decideToken(evidence({ typ })).kind).toBe('accepted');
  });

  it('refuses another typ, but only for access tokens', () => {
    const refused = decideToken(evidence({ typ: 'logout+jwt' }));
    expect(refused.kind === 'refused' && refused.refusal.code).toBe('malformed_token');
    expect(decideToken(evidence({ typ: 'logout+jwt' }, false)).kind).toBe('accepted');
  });

  it('applies no leeway when none is configured: exp equal to now is expired', () => {
    const e = evidence();
    const atExp = decideToken({
      ...e,
      token: { ...e.token, claims: { ...e.token.claims, exp: NOW / 1000 } },
    });
    expect(atExp.kind === 'refused' && atExp.refusal.code).toBe('expired');
  });
});
