import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdOf } from './request-id.js';

const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('request ids', () => {
  it('keeps a sane caller id and replaces anything else', () => {
    expect(requestIdOf(withHeaders({ 'x-request-id': 'trace-42.a' }))).toBe('trace-42.a');
    expect(requestIdOf(withHeaders({ 'x-request-id': 'has spaces' }))).not.toBe('has spaces');
  });

  it('makes new ids UUIDv7, each sorting after the one before (indexes append instead of scattering)', () => {
    const made = Array.from({ length: 1000 }, () => requestIdOf(withHeaders({})));
    for (const id of made)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
