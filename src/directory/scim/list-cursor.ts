import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { ExpiredCursorError, InvalidCursorError, type ScimError } from '../../core/errors.js';
import type { SortKey } from '../model/scim-resource.js';

/** What a cursor remembers between pages. Signed, so a client can neither read meaning into it nor forge it. */
export interface CursorState {
  /** The row the next page starts after (or, walking backwards, before). */
  readonly key: SortKey;
  readonly backward: boolean;
  /** totalResults counted on the first page, carried so later pages need not count again. */
  readonly totalResults: number | undefined;
}

export interface CursorBinding {
  readonly integrationId: string;
  /** Hash of everything that defines the result set: resource type, filter, sort. */
  readonly queryHash: string;
}

interface CursorPayload {
  readonly v: 1;
  readonly i: string;
  readonly q: string;
  readonly k: SortKey['value'];
  readonly d: string;
  readonly b: 0 | 1;
  readonly n: number | null;
  readonly x: number;
}

export function cursorError(expired: boolean): ScimError {
  return expired ? new ExpiredCursorError() : new InvalidCursorError();
}

export function queryHash(parts: readonly (string | undefined)[]): string {
  return hash('sha256', JSON.stringify(parts), 'base64url').slice(0, 22);
}

function sign(key: Uint8Array, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

/** RFC 9865 §2: cursor values use only URL-unreserved characters (base64url does). */
export function encodeCursor(
  key: Uint8Array,
  binding: CursorBinding,
  state: CursorState,
  expiresAt: number,
): string {
  const payload: CursorPayload = {
    v: 1,
    i: binding.integrationId,
    q: binding.queryHash,
    k: state.key.value,
    d: state.key.id,
    b: state.backward ? 1 : 0,
    n: state.totalResults ?? null,
    x: Math.floor(expiresAt / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(key, body).toString('base64url')}`;
}

/** Verifies signature, binding and expiry; any failure is invalidCursor or expiredCursor. */
export function decodeCursor(
  key: Uint8Array,
  binding: CursorBinding,
  cursor: string,
  now: number,
): CursorState {
  const [body, signature, extra] = cursor.split('.');
  if (!body || !signature || extra !== undefined) throw cursorError(false);
  const expected = sign(key, body);
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw cursorError(false);
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw cursorError(false);
  }
  if (payload.v !== 1 || payload.i !== binding.integrationId || payload.q !== binding.queryHash) {
    throw cursorError(false);
  }
  if (payload.x * 1000 <= now) throw cursorError(true);
  return {
    key: { value: payload.k, id: payload.d },
    backward: payload.b === 1,
    totalResults: payload.n ?? undefined,
  };
}
