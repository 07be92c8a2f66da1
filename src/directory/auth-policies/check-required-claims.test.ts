import { describe, expect, it } from 'vitest';
import { checkRequiredClaims, describeRequiredClaim } from './check-required-claims.js';

describe('checkRequiredClaims', () => {
  it('trims names and values and drops duplicates', () => {
    expect(checkRequiredClaims([{ claim: ' amr ', anyOf: ['mfa', ' mfa', 'hwk'] }])).toEqual({
      ok: true,
      value: [{ claim: 'amr', anyOf: ['mfa', 'hwk'] }],
    });
  });
  it('reports every problem, naming the rule', () => {
    const result = checkRequiredClaims([
      { claim: 'two words', anyOf: ['x'] },
      { claim: 'aud', anyOf: ['x'] },
      { claim: 'acr', anyOf: [' '] },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      'requiredClaims.0: the claim must be a name without spaces',
      'requiredClaims.1: "aud" is checked against the signer already; it cannot be a policy rule',
      'requiredClaims.2: anyOf must list at least one value',
    ]);
  });
  it('describes a rule in words', () => {
    expect(describeRequiredClaim({ claim: 'amr', anyOf: ['mfa'] })).toBe('amr must be or contain "mfa"');
    expect(describeRequiredClaim({ claim: 'acr', anyOf: ['a', 'b'] })).toBe(
      'acr must be or contain one of "a", "b"',
    );
  });
});
