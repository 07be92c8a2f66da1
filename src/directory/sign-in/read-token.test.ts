import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH, readToken } from './read-token.js';

const part = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const header = part({ alg: 'RS256', kid: 'k1' });
const claims = part({ iss: 'x' });

describe('readToken', () => {
  it('decodes header and claims of a compact JWS, ignoring key-choosing header fields', () => {
    const read = readToken(
      ` ${part({ alg: 'ES256', kid: 'k', typ: 'JWT', jku: 'https://evil', jwk: {} })}.${claims}.c2ln `,
    );
    expect(read.ok && read.value.header).toEqual({ alg: 'ES256', kid: 'k', typ: 'JWT' });
    expect(read.ok && read.value.claims).toEqual({ iss: 'x' });
  });

  it.each([
    ['', /empty/],
    ['abc', /not a JWT/],
    ['a.b.c.d.e', /encrypted \(JWE\)/],
    [`${header}.${claims}.sig+nature`, /base64url/],
    [`${part('nope')}.${claims}.`, /header is not a JSON object/],
    [`${header}.${part('[1]')}.`, /payload is not a JSON object/],
    [`${part({ kid: 'k' })}.${claims}.`, /no "alg"/],
    [`${part({ alg: 'RS256', crit: ['exp'] })}.${claims}.`, /crit/],
    [`${part({ alg: 'RS256', kid: 7 })}.${claims}.`, /kid/],
    [`${header}.${claims}.${'a'.repeat(MAX_TOKEN_LENGTH)}`, /longer than/],
  ])('refuses %j', (text, reason) => {
    const read = readToken(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(reason);
  });
});
