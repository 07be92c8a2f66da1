import { describe, expect, it } from 'vitest';
import type { JwtSigner } from '../model/jwt-signer.js';
import { pickAttempt, signersToTry, type Attempt } from './pick-attempt.js';
import type { SignInStep } from './sign-in-steps.js';

const signer = (name: string, issuer: string, enabled = true): JwtSigner => ({
  id: name,
  organizationId: 'org',
  name,
  issuer,
  audience: 'app',
  jwksUrl: null,
  publicKeyPem: 'pem',
  externalIdClaim: 'sub',
  enabled,
  algorithms: null,
});
const refused = (s: JwtSigner, step: SignInStep, code = 'bad_signature'): Attempt<string> => ({
  signer: s,
  decision: { kind: 'refused', step, steps: [], refusal: { code: code as 'bad_signature', message: code } },
});
const a = signer('a', 'https://a');
const b = signer('b', 'https://a');
const c = signer('c', 'https://c');

describe('signersToTry', () => {
  it('tries the enabled signers of the token’s issuer, else every enabled signer', () => {
    expect(signersToTry([a, b, c], 'https://a')).toEqual({ byIssuer: true, signers: [a, b], disabled: [] });
    expect(signersToTry([a, c], 'https://x')).toEqual({ byIssuer: false, signers: [a, c], disabled: [] });
    const off = signer('off', 'https://x', false);
    expect(signersToTry([a, off], 'https://x')).toEqual({ byIssuer: false, signers: [a], disabled: [off] });
  });
});

describe('pickAttempt', () => {
  it('takes the first accepted attempt', () => {
    const picked = pickAttempt(
      [refused(a, 'audience'), { signer: b, decision: { kind: 'accepted', steps: [], accepted: 'ok' } }],
      true,
      'https://a',
      [],
    );
    expect(picked).toMatchObject({ kind: 'accepted', signer: b, accepted: 'ok' });
  });

  it('reports the refusal of the signer that got furthest', () => {
    const picked = pickAttempt(
      [refused(a, 'signature'), refused(b, 'audience', 'wrong_audience')],
      true,
      'https://a',
      [],
    );
    expect(picked).toMatchObject({ kind: 'refused', signer: b, refusal: { code: 'wrong_audience' } });
  });

  it('without an issuer match: wrong_issuer when a key verified, else unknown_signer', () => {
    expect(
      pickAttempt([refused(a, 'key'), refused(c, 'issuer', 'wrong_issuer')], false, 'https://x', []),
    ).toMatchObject({
      signer: c,
      refusal: { code: 'wrong_issuer' },
    });
    expect(
      pickAttempt([refused(a, 'signature'), refused(c, 'algorithm')], false, 'https://x', []),
    ).toMatchObject({
      signer: undefined,
      step: 'signer',
      refusal: { code: 'unknown_signer' },
    });
    expect(
      pickAttempt([], false, 'https://x', []).kind === 'refused' && pickAttempt([], false, 'https://x', []),
    ).toMatchObject({
      refusal: { message: 'This organization has no enabled JWT signer.' },
    });
    const off = signer('Legacy SSO', 'https://x', false);
    expect(pickAttempt([refused(a, 'signature')], false, 'https://x', [off])).toMatchObject({
      refusal: { code: 'unknown_signer', message: expect.stringContaining('"Legacy SSO"') },
    });
  });
});
