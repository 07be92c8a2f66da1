import { err, ok, type Result } from '../../core/result.js';

/**
 * Identity list cursors are opaque to clients: base64url of a versioned position (the last id of the
 * page). They carry no authority, since every page is read within the caller's organization, so they
 * need no signature; a cursor that does not decode is refused rather than read from the start.
 */
export function encodeIdentityCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: lastId }), 'utf8').toString('base64url');
}

export function decodeIdentityCursor(cursor: string): Result<string, string> {
  const invalid = err('cursor is not one this server issued; omit it to start from the first page');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return invalid;
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof state === 'object' && state !== null) {
      const { v, after } = state as { v?: unknown; after?: unknown };
      if (v === 1 && typeof after === 'string' && after !== '') return ok(after);
    }
  } catch {
    return invalid;
  }
  return invalid;
}
