import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactBody, redactedAttributes } from './redact-body.js';

const redacted = redactedAttributes(['nickName']);

describe('redactBody', () => {
  it.each([
    [
      'a member named password, in any case',
      { userName: 'a', Password: 'x' },
      { userName: 'a', Password: REDACTED },
    ],
    [
      'an extension-qualified name',
      { 'urn:ietf:params:scim:schemas:core:2.0:User:password': 'x' },
      { 'urn:ietf:params:scim:schemas:core:2.0:User:password': REDACTED },
    ],
    [
      'a PATCH value whose path ends at it',
      { op: 'replace', path: 'password', value: 'x' },
      { op: 'replace', path: 'password', value: REDACTED },
    ],
    [
      'a path with a filter and URN',
      { op: 'add', path: 'urn:ietf:params:scim:schemas:core:2.0:User:nickName', value: 'x' },
      { op: 'add', path: 'urn:ietf:params:scim:schemas:core:2.0:User:nickName', value: REDACTED },
    ],
    [
      'a path-less PATCH value',
      { op: 'replace', value: { password: 'x', title: 't' } },
      { op: 'replace', value: { password: REDACTED, title: 't' } },
    ],
    [
      'bulk operation data',
      { Operations: [{ method: 'POST', data: { userName: 'u', password: 'x' } }] },
      { Operations: [{ method: 'POST', data: { userName: 'u', password: REDACTED } }] },
    ],
    [
      'other values untouched',
      { op: 'replace', path: 'title', value: 'x' },
      { op: 'replace', path: 'title', value: 'x' },
    ],
  ])('redacts %s', (_name, body, expected) => {
    const before = JSON.stringify(body);
    expect(redactBody(body, redacted)).toEqual(expected);
    expect(JSON.stringify(body)).toBe(before);
  });

  it('leaves no value of a redacted attribute anywhere in any body', () => {
    const secret = 'S3cret-value-never-logged';
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const key = fc.oneof(
      fc.constantFrom('password', 'PASSWORD', 'nickname', 'urn:x:User:password'),
      fc.string(),
    );
    const body = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
        fc.record({
          op: fc.constant('replace'),
          path: fc.constantFrom('password', 'nickName'),
          value: tie('value'),
        }),
      ),
    })).value;
    // Plant the secret only under redacted names, then check it never survives.
    const plant = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(plant);
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const target = k.toLowerCase().split(':').pop();
        out[k] = target === 'password' || target === 'nickname' ? secret : plant(v);
      }
      if ('op' in out && 'path' in out) out.value = secret;
      return out;
    };
    fc.assert(
      fc.property(body, (generated) => {
        expect(JSON.stringify(redactBody(plant(generated), redacted)) ?? '').not.toContain(secret);
      }),
    );
  });
});
