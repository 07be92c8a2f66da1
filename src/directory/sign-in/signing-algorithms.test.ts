import { describe, expect, it } from 'vitest';
import { algorithmProblem, algorithmsForKey } from './signing-algorithms.js';

describe('signing algorithms', () => {
  it.each([
    [{ type: 'rsa' }, ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']],
    [{ type: 'rsa-pss' }, ['PS256', 'PS384', 'PS512']],
    [{ type: 'ec', namedCurve: 'prime256v1' }, ['ES256']],
    [{ type: 'ec', namedCurve: 'secp384r1' }, ['ES384']],
    [{ type: 'ec', namedCurve: 'secp256k1' }, []],
    [{ type: 'ed25519' }, ['EdDSA', 'Ed25519']],
    [{ type: 'ed448' }, []],
    [{ type: 'x25519' }, []],
  ])('a %j key verifies exactly %j', (kind, algorithms) => {
    expect(algorithmsForKey(kind)).toEqual(algorithms);
  });

  it('never allows none or HMAC, and names anything unknown', () => {
    expect(algorithmProblem('none')).toMatch(/never/);
    expect(algorithmProblem('HS256')).toMatch(/HMAC/);
    expect(algorithmProblem('rs256')).toMatch(/not a JWS algorithm/);
    expect(algorithmProblem('ES512')).toBeUndefined();
  });
});
