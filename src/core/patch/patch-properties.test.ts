import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { coerceAttribute, coerceResource } from '../resource/coerce-resource.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';
import { userResourceType } from '../schema/resource-types.js';
import { PATCH_OP_SCHEMA } from '../schema/schema-urns.js';
import { applyPatch } from './apply-patch.js';
import { arbitraryEmail, arbitraryOperation, arbitraryUser, stringPaths } from './patch.arbitrary.js';
import { deepFreeze } from './deep-freeze.support.js';
import { parsePatchRequest } from './parse-patch-request.js';

const type = userResourceType;
const patch = (resource: JsonObject, operations: readonly unknown[]) =>
  applyPatch(type, resource, parsePatchRequest(type, { schemas: [PATCH_OP_SCHEMA], Operations: operations }))
    .resource;

/** The patched resource, or undefined when the operations are refused with a ScimError (e.g. noTarget). */
function tryPatch(resource: JsonObject, operations: readonly unknown[]): JsonObject | undefined {
  try {
    return patch(resource, operations);
  } catch (error) {
    if (error instanceof ScimError) return undefined;
    throw error;
  }
}

const operations = fc.array(arbitraryOperation, { minLength: 1, maxLength: 6 });

describe('applyPatch properties', () => {
  it('mostly generates operations that succeed, so the properties below test something', () => {
    const samples = fc.sample(fc.tuple(arbitraryUser, operations), { numRuns: 500, seed: 7 });
    const succeeded = samples.filter(([user, ops]) => tryPatch(user, ops) !== undefined).length;
    expect(succeeded).toBeGreaterThan(400);
  });

  it('never modifies its input', () => {
    fc.assert(
      fc.property(arbitraryUser, operations, (user, ops) => {
        const snapshot = JSON.stringify(user);
        const result = tryPatch(deepFreeze(user), deepFreeze(ops));
        expect(JSON.stringify(user)).toBe(snapshot);
        expect(result).not.toBe(user);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what replace wrote', () => {
    const path = fc.constantFrom(...stringPaths);
    const value = fc.constantFrom('ada', 'Ada', 'x', 'ü');
    fc.assert(
      fc.property(arbitraryUser, path, value, (user, { path: text, read }, written) => {
        expect(read(patch(user, [{ op: 'replace', path: text, value: written }]))).toBe(written);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        arbitraryUser,
        fc.constantFrom<boolean | string>(true, false, 'True', 'False', 'true'),
        (user, written) => {
          const expected = typeof written === 'boolean' ? written : written.toLowerCase() === 'true';
          expect(patch(user, [{ op: 'Replace', path: 'active', value: written }]).active).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is idempotent for add to a multi-valued attribute', () => {
    const emails = fc.array(arbitraryEmail, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(arbitraryUser, emails, (user, value) => {
        const once = patch(user, [{ op: 'add', path: 'emails', value }]);
        expect(patch(once, [{ op: 'add', path: 'emails', value }])).toEqual(once);
        expect(
          patch(user, [
            { op: 'add', path: 'emails', value },
            { op: 'add', path: 'emails', value },
          ]),
        ).toEqual(once);
        // Every added value is present afterwards.
        const stored = (once.emails ?? []) as JsonObject[];
        for (const email of coerceAttribute(
          type.schema.attributes.find((a) => a.name === 'emails')!,
          value,
          'emails',
        ) as JsonObject[]) {
          expect(
            stored.some((e) => String(e.value).toLowerCase() === String(email.value).toLowerCase()),
          ).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a valid resource: re-validating the result changes nothing', () => {
    fc.assert(
      fc.property(arbitraryUser, operations, (user, ops) => {
        const result = tryPatch(user, ops);
        if (result !== undefined) expect(coerceResource(type, result)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves more than one primary value', () => {
    fc.assert(
      fc.property(arbitraryUser, operations, (user, ops) => {
        const result = tryPatch(user, ops);
        for (const value of Object.values(result ?? {})) {
          if (!Array.isArray(value)) continue;
          expect(value.filter((e) => isPlainObject(e) && e.primary === true).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
