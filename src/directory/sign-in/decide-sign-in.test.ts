import { describe, expect, it } from 'vitest';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { Identity } from '../model/identity.js';
import { decideSignIn, type SignInEvidence } from './decide-sign-in.js';
import type { ReadToken } from './read-token.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const now = NOW / 1000;

function token(claims: Record<string, unknown>, header: Partial<ReadToken['header']> = {}): ReadToken {
  return {
    compact: 'h.p.s',
    header: { alg: 'RS256', kid: 'k1', typ: 'JWT', ...header },
    claims: { iss: 'https://idp.test', aud: 'app', sub: 'ada', exp: now + 300, ...claims },
  };
}

function identity(
  status: Identity['status'],
  id = `id-${status}`,
  authPolicyId: string | null = null,
): Identity {
  return {
    id,
    organizationId: 'org',
    name: `${status} person`,
    status,
    signInExternalId: 'ada',
    authPolicyId,
    attributes: [],
    profile: {},
    sourceIntegrationId: null,
    scimResourceId: null,
    createdAt: '',
    updatedAt: '',
    lastSyncedAt: null,
  };
}

const policy = (fields: Partial<AuthPolicy>): AuthPolicy => ({
  id: 'p1',
  organizationId: 'org',
  name: 'Strict',
  isDefault: false,
  signerIds: ['s1'],
  requiredClaims: [],
  ...fields,
});

/** Evidence with everything found and fine; each case spoils one thing. */
function complete(overrides: Partial<SignInEvidence> = {}): SignInEvidence {
  return {
    token: token({}),
    issuer: {
      name: 'SSO',
      issuer: 'https://idp.test',
      audience: 'app',
      enabled: true,
      algorithms: ['RS256', 'ES256'],
    },
    picked: 'by issuer',
    nowMs: NOW,
    clockSkewSeconds: 60,
    signerId: 's1',
    externalIdClaim: 'sub',
    key: { kind: 'found', detail: 'key "k1"' },
    signatureValid: { valid: true, detail: 'the key' },
    identities: [identity('active')],
    policy: { kind: 'default' },
    ...overrides,
  };
}

const refusedWith = (evidence: SignInEvidence) => {
  const decision = decideSignIn(evidence);
  return decision.kind === 'refused' ? `${decision.step}:${decision.refusal.code}` : decision.kind;
};

describe('decideSignIn', () => {
  it('signs in the one active identity the claim names, every step passed in order', () => {
    const decision = decideSignIn(complete());
    expect(decision.kind).toBe('accepted');
    if (decision.kind !== 'accepted') return;
    expect(decision.accepted).toMatchObject({
      identity: { id: 'id-active' },
      externalId: 'ada',
      expiresAt: (now + 300) * 1000,
    });
    expect(decision.steps.map((s) => s.step)).toEqual([
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
    ]);
    expect(decision.steps.every((s) => s.passed)).toBe(true);
  });

  it.each([
    ['a disabled signer', { issuer: { ...complete().issuer, enabled: false } }, 'signer:unknown_signer'],
    ['alg none', { token: token({}, { alg: 'none' }) }, 'algorithm:algorithm_not_allowed'],
    [
      'HS256 (HMAC with a public key)',
      { token: token({}, { alg: 'HS256' }) },
      'algorithm:algorithm_not_allowed',
    ],
    [
      'an asymmetric alg the signer does not list',
      { token: token({}, { alg: 'PS256' }) },
      'algorithm:algorithm_not_allowed',
    ],
    [
      'keys that cannot be fetched',
      { key: { kind: 'unavailable', detail: 'timeout' } },
      'key:keys_unavailable',
    ],
    ['no key for the kid', { key: { kind: 'none', detail: 'no kid' } }, 'key:bad_signature'],
    [
      'a signature that does not verify',
      { signatureValid: { valid: false, detail: 'the key' } },
      'signature:bad_signature',
    ],
    ['another issuer', { token: token({ iss: 'https://evil.test' }) }, 'issuer:wrong_issuer'],
    ['no issuer', { token: token({ iss: undefined }) }, 'issuer:wrong_issuer'],
    ['another audience', { token: token({ aud: 'other' }) }, 'audience:wrong_audience'],
    ['an audience list without ours', { token: token({ aud: ['a', 'b'] }) }, 'audience:wrong_audience'],
    ['no exp', { token: token({ exp: undefined }) }, 'lifetime:malformed_token'],
    ['a string exp', { token: token({ exp: String(now + 300) }) }, 'lifetime:malformed_token'],
    ['exp at now minus the leeway', { token: token({ exp: now - 60 }) }, 'lifetime:expired'],
    ['nbf beyond the leeway', { token: token({ nbf: now + 61 }) }, 'lifetime:not_yet_valid'],
    ['no claim', { token: token({ sub: undefined }) }, 'claim:no_identity'],
    ['an empty claim', { token: token({ sub: '' }) }, 'claim:no_identity'],
    ['an object claim', { token: token({ sub: { id: 1 } }) }, 'claim:no_identity'],
    ['no identity', { identities: [] }, 'identity:no_identity'],
    [
      'two active identities',
      { identities: [identity('active', 'a'), identity('active', 'b')] },
      'identity:ambiguous_identity',
    ],
    ['a disabled identity', { identities: [identity('disabled')] }, 'status:identity_disabled'],
    ['a deleted identity', { identities: [identity('deleted')] }, 'status:identity_deleted'],
    [
      'disabled and deleted: disabled explains best',
      { identities: [identity('deleted'), identity('disabled')] },
      'status:identity_disabled',
    ],
    [
      'a policy without the signer',
      { policy: { kind: 'custom' as const, policy: policy({ signerIds: ['s2'] }) } },
      'policy:policy_refused',
    ],
  ])('refuses %s', (_name, overrides, expected) => {
    expect(refusedWith(complete(overrides as Partial<SignInEvidence>))).toBe(expected);
  });

  it('accepts within the leeway and an audience list that includes ours', () => {
    for (const claims of [{ exp: now - 59 }, { nbf: now + 60 }, { aud: ['other', 'app'] }]) {
      expect(refusedWith(complete({ token: token(claims) })), JSON.stringify(claims)).toBe('accepted');
    }
    expect(refusedWith(complete({ token: token({ sub: 1001 }) }))).toBe('accepted');
  });

  it('prefers the active identity among several with the external ID', () => {
    const decision = decideSignIn(
      complete({ identities: [identity('deleted'), identity('active', 'now'), identity('disabled')] }),
    );
    expect(decision.kind === 'accepted' && decision.accepted.identity.id).toBe('now');
  });

  it('asks for each piece of evidence only when the steps before it passed', () => {
    const bare: SignInEvidence = {
      ...complete(),
      key: undefined,
      signatureValid: undefined,
      identities: undefined,
      policy: undefined,
    };
    expect(decideSignIn(bare)).toMatchObject({ kind: 'needs', needs: { what: 'key' } });
    expect(decideSignIn({ ...bare, key: complete().key })).toMatchObject({
      kind: 'needs',
      needs: { what: 'signature' },
    });
    const signed = { ...bare, key: complete().key, signatureValid: complete().signatureValid };
    expect(decideSignIn(signed)).toMatchObject({
      kind: 'needs',
      needs: { what: 'identities', externalId: 'ada' },
    });
    const withPolicy = { ...signed, identities: [identity('active', 'x', 'p1')] };
    expect(decideSignIn(withPolicy)).toMatchObject({
      kind: 'needs',
      needs: { what: 'policy', policyId: 'p1' },
    });
    // An expired token never asks for identities: no lookup after a refusal.
    expect(decideSignIn({ ...signed, token: token({ exp: now - 3600 }) }).kind).toBe('refused');
    // alg none is refused before any key is looked up.
    expect(decideSignIn({ ...bare, token: token({}, { alg: 'none' }) }).kind).toBe('refused');
  });

  describe('required claims', () => {
    const strict = (requiredClaims: AuthPolicy['requiredClaims']) => ({
      policy: { kind: 'custom' as const, policy: policy({ requiredClaims }) },
    });
    it.each([
      [[{ claim: 'amr', anyOf: ['mfa'] }], { amr: ['pwd', 'mfa'] }, 'accepted'],
      [[{ claim: 'amr', anyOf: ['mfa'] }], { amr: ['pwd'] }, 'policy:policy_refused'],
      [[{ claim: 'amr', anyOf: ['mfa'] }], {}, 'policy:policy_refused'],
      [[{ claim: 'amr', anyOf: ['mfa'] }], { amr: 'mfa' }, 'accepted'],
      [[{ claim: 'acr', anyOf: ['loa2', 'loa3'] }], { acr: 'loa3' }, 'accepted'],
      [[{ claim: 'acr', anyOf: ['loa2', 'loa3'] }], { acr: 'loa1' }, 'policy:policy_refused'],
      [
        [
          { claim: 'amr', anyOf: ['mfa'] },
          { claim: 'acr', anyOf: ['loa2'] },
        ],
        { amr: ['mfa'], acr: 'loa1' },
        'policy:policy_refused',
      ],
      [[{ claim: 'email_verified', anyOf: ['true'] }], { email_verified: true }, 'accepted'],
      [[{ claim: 'amr', anyOf: ['mfa'] }], { amr: [{ mfa: true }] }, 'policy:policy_refused'],
    ])('%j with claims %j: %s', (rules, claims, expected) => {
      expect(refusedWith(complete({ token: token(claims), ...strict(rules) }))).toBe(expected);
    });

    it('names the rule that refused', () => {
      const decision = decideSignIn(
        complete({
          token: token({ amr: ['mfa'], acr: 'loa1' }),
          ...strict([
            { claim: 'amr', anyOf: ['mfa'] },
            { claim: 'acr', anyOf: ['loa2'] },
          ]),
        }),
      );
      expect(decision.kind === 'refused' && decision.refusal).toMatchObject({ rule: 'requiredClaims.1' });
      const signers = decideSignIn(
        complete({ policy: { kind: 'custom', policy: policy({ signerIds: [] }) } }),
      );
      expect(signers.kind === 'refused' && signers.refusal).toMatchObject({ rule: 'signers' });
    });
  });
});
