import { InvalidValueError } from '../errors.js';

// A NUL (PostgreSQL text cannot hold one) or a UTF-16 surrogate without its pair (not a Unicode scalar
// value: PostgreSQL's jsonb refuses it, SQLite would store U+FFFD in its place). Without the `u` flag the
// pattern sees code units; each alternative is one or two fixed characters, so it cannot backtrack.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored the same way on every engine, or undefined when it can. */
export function unstorableTextReason(text: string): string | undefined {
  const found = UNSTORABLE.exec(text);
  if (found === null) return undefined;
  return found[0] === '\u0000'
    ? `a NUL character (U+0000) at position ${found.index}`
    : `a lone UTF-16 surrogate at position ${found.index}`;
}

/** The UTF-8 length of `text` (well-formed: surrogate pairs count 4 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x800) bytes += unit >= 0xd800 && unit <= 0xdfff ? 1 : 2;
    else if (unit >= 0x80) bytes += 1;
  }
  return bytes;
}

export interface StorableJsonOptions {
  /** Longest string value in UTF-8 bytes; undefined: no bound (bodies that are not resources). */
  readonly maxValueBytes: number | undefined;
  /** Names the input in errors: "The request body", "Path id". */
  readonly label: string;
}

/**
 * RFC 7644 §3.12 `invalidValue` for any string (object key or value, at any depth) that SQLite and
 * PostgreSQL would not store alike, and for a value longer than the limit. Both engines then answer the
 * same input the same way (issue 14: these were PostgreSQL-only 500s). Iterative, so nesting depth
 * cannot overflow the stack.
 */
export function checkStorableJson(value: unknown, options: StorableJsonOptions): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      checkString(item, options, false);
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, member] of Object.entries(item)) {
        checkString(key, options, true);
        pending.push(member);
      }
    }
  }
}

function checkString(text: string, options: StorableJsonOptions, isKey: boolean): void {
  const reason = unstorableTextReason(text);
  if (reason !== undefined) {
    throw new InvalidValueError(
      `${options.label} has ${reason} in ${isKey ? 'a key' : `the value ${preview(text)}`}; such text cannot be stored.`,
    );
  }
  const max = options.maxValueBytes;
  // Three bytes per UTF-16 unit at most: only long strings need counting.
  if (!isKey && max !== undefined && text.length * 3 > max && utf8Length(text) > max) {
    throw new InvalidValueError(
      `${options.label} has a value of ${utf8Length(text)} bytes (${preview(text)}); the limit is ${max} bytes (ROSTER_MAX_VALUE_BYTES).`,
    );
  }
}

function preview(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must not be echoed
  const safe = text.slice(0, 24).replace(/[\u0000-\u001f\uD800-\uDFFF]/g, '\uFFFD');
  return JSON.stringify(text.length > 24 ? `${safe}…` : safe);
}
