import type { Result } from '../../core/result.js';

const PREFIX = 'ev1.';

/**
 * The opaque cursor of the events feed: the sequence number of the last event the reader has, so
 * "after this cursor" is every later event. Opaque so the encoding may change (a version prefix says
 * which); it is not secret and needs no signature (it only ever reads the caller's own organization).
 */
export function encodeEventCursor(sequence: number): string {
  return PREFIX + Buffer.from(String(sequence)).toString('base64url');
}

export function decodeEventCursor(text: string): Result<number, string> {
  if (!text.startsWith(PREFIX)) return { ok: false, error: 'not an events cursor' };
  const digits = Buffer.from(text.slice(PREFIX.length), 'base64url').toString();
  if (!/^(0|[1-9][0-9]{0,15})$/.test(digits)) return { ok: false, error: 'not an events cursor' };
  return { ok: true, value: Number(digits) };
}
