import { InvalidSyntaxError, InvalidValueError, NoTargetError, PayloadTooLargeError } from '../errors.js';
import { defaultInputLimits } from '../protocol/input-limits.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';
import { findExtension, type ResourceTypeDefinition } from '../schema/resource-types.js';
import { PATCH_OP_SCHEMA } from '../schema/schema-urns.js';
import type { PatchOpName, PatchOperation } from './patch-operation.js';
import { resolvePatchTarget } from './resolve-patch-target.js';

const OP_NAMES: ReadonlySet<string> = new Set<PatchOpName>(['add', 'replace', 'remove']);

/**
 * Validates an RFC 7644 §3.5.2 PatchOp body and resolves every path against the resource type, so that
 * nothing is applied unless the whole request makes sense. Member names match case-insensitively
 * (RFC 7643 §2.1: `Operations`, `operations`), and `op` may be written in any case, because Entra ID
 * capitalises it (`Add`, `Replace`, `Remove`).
 *
 * Errors: malformed structure → `invalidSyntax`; `remove` without a path → `noTarget` (RFC 7644
 * §3.5.2.2); `add`/`replace` without a value, or a path-less one whose value is not an object →
 * `invalidValue`; paths → `invalidPath` or `invalidFilter` (see resolvePatchTarget).
 */
export function parsePatchRequest(
  type: ResourceTypeDefinition,
  body: unknown,
  maxOperations: number = defaultInputLimits.maxPatchOperations,
): PatchOperation[] {
  if (!isPlainObject(body)) throw new InvalidSyntaxError('The PATCH request body must be a JSON object.');
  checkSchemas(member(body, 'schemas'));
  const operations = member(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new InvalidSyntaxError('"Operations" must be a non-empty array of PATCH operations.');
  }
  // As RFC 7644 §3.7.4 answers a Bulk request with too many operations: 413.
  if (operations.length > maxOperations) {
    throw new PayloadTooLargeError(
      `This server accepts at most ${maxOperations} operations per PATCH request (ROSTER_PATCH_MAX_OPERATIONS).`,
    );
  }
  return operations.flatMap((raw: unknown, index) => parseOperation(type, raw, `Operations[${index}]`));
}

function checkSchemas(schemas: unknown): void {
  // RFC 7644 §3.5.2 requires the PatchOp URI; other URIs next to it are tolerated.
  const wanted = PATCH_OP_SCHEMA.toLowerCase();
  if (
    !Array.isArray(schemas) ||
    schemas.some((s) => typeof s !== 'string') ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === wanted)
  ) {
    throw new InvalidSyntaxError(`"schemas" must be an array containing "${PATCH_OP_SCHEMA}".`);
  }
}

function parseOperation(type: ResourceTypeDefinition, raw: unknown, label: string): PatchOperation[] {
  if (!isPlainObject(raw)) throw new InvalidSyntaxError(`${label} must be an object with "op".`);
  const opText = member(raw, 'op');
  const op = typeof opText === 'string' ? opText.toLowerCase() : undefined;
  if (op === undefined || !OP_NAMES.has(op)) {
    throw new InvalidSyntaxError(
      `${label}.op must be "add", "replace" or "remove"; got ${JSON.stringify(opText) ?? 'nothing'}.`,
    );
  }
  const name = op as PatchOpName;
  const rawPath = member(raw, 'path');
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== 'string') {
    throw new InvalidSyntaxError(`${label}.path must be a string.`);
  }
  // An empty path is read as no path: the target is the resource itself.
  const path = typeof rawPath === 'string' && rawPath.trim() !== '' ? rawPath.trim() : undefined;
  const value = member(raw, 'value');

  if (name === 'remove' && path === undefined) {
    throw new NoTargetError(`${label}: "remove" needs a "path" (RFC 7644 §3.5.2.2).`);
  }
  if (name === 'add' && (value === undefined || value === null)) {
    throw new InvalidValueError(`${label}: "add" needs a "value".`);
  }
  if (name === 'replace' && value === undefined) {
    throw new InvalidValueError(`${label}: "replace" needs a "value" (null clears the attribute).`);
  }
  if (path === undefined) {
    if (!isPlainObject(value)) {
      throw new InvalidValueError(
        `${label}: without a "path", "value" must be an object of attributes (RFC 7644 §3.5.2).`,
      );
    }
    return [{ op: name, target: undefined, value }];
  }

  // A path naming an extension schema itself addresses all of its attributes.
  const extension = findExtension(type, path);
  if (extension !== undefined) {
    if (name === 'remove') {
      return extension.attributes
        .filter((definition) => definition.mutability !== 'readOnly')
        .map((definition) => ({
          op: name,
          target: resolvePatchTarget(type, `${extension.id}:${definition.name}`),
          value: undefined,
        }));
    }
    if (!isPlainObject(value) && value !== null) {
      throw new InvalidValueError(`${label}: "${path}" takes an object of extension attributes.`);
    }
    return [{ op: name, target: undefined, value: { [extension.id]: value } }];
  }
  return [{ op: name, target: resolvePatchTarget(type, path), value }];
}

/** Reads a member by case-insensitive name (RFC 7643 §2.1), preferring the exact spelling. */
function member(object: JsonObject, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}
