import { InvalidSyntaxError, InvalidValueError, PayloadTooLargeError } from '../errors.js';
import { isPlainObject } from '../resource/json.js';
import { BULK_REQUEST_SCHEMA } from '../schema/schema-urns.js';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of an RFC 7644 §3.7 bulk request, validated for shape only. */
export interface BulkOperation {
  readonly index: number;
  readonly method: BulkMethod;
  readonly bulkId: string | undefined;
  /** If-Match for this operation (RFC 7644 §3.7: `version`). */
  readonly version: string | undefined;
  readonly path: string;
  readonly data: unknown;
}

export interface BulkRequest {
  /** Stop after this many errors (RFC 7644 §3.7.3); undefined processes everything. */
  readonly failOnErrors: number | undefined;
  readonly operations: readonly BulkOperation[];
}

const BULK_ID_REFERENCE = /^bulkId:(.+)$/;

export function parseBulkRequest(body: unknown, maxOperations: number): BulkRequest {
  if (!isPlainObject(body)) throw new InvalidSyntaxError('A bulk request must be a JSON object.');
  const field = (name: string) => {
    const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : body[key];
  };
  const schemas = field('schemas');
  if (!Array.isArray(schemas) || !schemas.includes(BULK_REQUEST_SCHEMA)) {
    throw new InvalidSyntaxError(`A bulk request must list "${BULK_REQUEST_SCHEMA}" in schemas.`);
  }
  const failOnErrors = field('failOnErrors');
  if (failOnErrors !== undefined && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    throw new InvalidValueError('"failOnErrors" must be a positive integer.');
  }
  const raw = field('Operations');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new InvalidSyntaxError('A bulk request needs a non-empty "Operations" array.');
  }
  // RFC 7644 §3.7.4: more operations than advertised is a 413.
  if (raw.length > maxOperations) {
    throw new PayloadTooLargeError(
      `This server accepts at most ${maxOperations} operations per bulk request.`,
    );
  }
  return {
    failOnErrors: failOnErrors as number | undefined,
    operations: raw.map((operation, index) => parseOperation(operation, index)),
  };
}

function parseOperation(raw: unknown, index: number): BulkOperation {
  if (!isPlainObject(raw)) throw new InvalidSyntaxError(`Operations[${index}] must be an object.`);
  const field = (name: string) => {
    const key = Object.keys(raw).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : raw[key];
  };
  const method = String(field('method') ?? '').toUpperCase();
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE') {
    throw new InvalidValueError(`Operations[${index}].method must be POST, PUT, PATCH or DELETE.`);
  }
  const path = field('path');
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new InvalidValueError(`Operations[${index}].path must be a resource path such as "/Users".`);
  }
  const bulkId = field('bulkId');
  if (bulkId !== undefined && (typeof bulkId !== 'string' || bulkId === '')) {
    throw new InvalidValueError(`Operations[${index}].bulkId must be a non-empty string.`);
  }
  if (method === 'POST' && bulkId === undefined) {
    throw new InvalidValueError(`Operations[${index}]: a POST needs a bulkId (RFC 7644 §3.7).`);
  }
  const version = field('version');
  if (version !== undefined && typeof version !== 'string') {
    throw new InvalidValueError(`Operations[${index}].version must be a string.`);
  }
  const data = field('data');
  if (method !== 'DELETE' && data === undefined) {
    throw new InvalidValueError(`Operations[${index}]: ${method} needs "data".`);
  }
  return {
    index,
    method,
    bulkId: bulkId as string | undefined,
    version: version as string | undefined,
    path,
    data,
  };
}

/** Every bulkId an operation refers to, in its path or anywhere in its data ("bulkId:qwerty"). */
export function bulkIdReferences(operation: BulkOperation): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const match = BULK_ID_REFERENCE.exec(value);
      if (match?.[1]) found.add(match[1]);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isPlainObject(value)) {
      Object.values(value).forEach(visit);
    }
  };
  for (const segment of operation.path.split('/')) visit(segment);
  visit(operation.data);
  return found;
}

/** Replaces each "bulkId:x" string (and path segment) with the id the referenced operation created. */
export function substituteBulkIds(operation: BulkOperation, ids: ReadonlyMap<string, string>): BulkOperation {
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const match = BULK_ID_REFERENCE.exec(value);
      return match?.[1] !== undefined && ids.has(match[1]) ? ids.get(match[1]) : value;
    }
    if (Array.isArray(value)) return value.map(replace);
    if (isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  return {
    ...operation,
    path: operation.path
      .split('/')
      .map((segment) => replace(segment) as string)
      .join('/'),
    data: replace(operation.data),
  };
}
