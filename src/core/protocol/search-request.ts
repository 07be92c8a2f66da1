import { InvalidSyntaxError, InvalidValueError } from '../errors.js';
import { isPlainObject } from '../resource/json.js';
import type { ListParameters } from './list-request.js';

/**
 * RFC 7644 §3.4.3: POST /.search carries the query parameters in a SearchRequest body. Attribute lists
 * are arrays of names there; they become the comma-separated form the URL uses.
 */
export function parseSearchRequest(body: unknown): ListParameters {
  if (!isPlainObject(body)) throw new InvalidSyntaxError('The search request must be a JSON object.');
  const field = (name: string): unknown => {
    const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : body[key];
  };
  const text = (name: string): string | undefined => {
    const value = field(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new InvalidValueError(`"${name}" must be a string.`);
    return value;
  };
  const integer = (name: string): number | undefined => {
    const value = field(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new InvalidValueError(`"${name}" must be an integer.`);
    return value;
  };
  const names = (name: string): string | undefined => {
    const value = field(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new InvalidValueError(`"${name}" must be an array of attribute names.`);
    }
    return value.join(',');
  };
  return {
    filter: text('filter'),
    sortBy: text('sortBy'),
    sortOrder: text('sortOrder'),
    startIndex: integer('startIndex'),
    count: integer('count'),
    cursor: text('cursor'),
    attributes: names('attributes'),
    excludedAttributes: names('excludedAttributes'),
  };
}
