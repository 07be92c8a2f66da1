import { describe, expect, it } from 'vitest';
import { pickByIdOrName } from './resolve-by-id-or-name.js';

const roles = [
  { id: 'r1', name: 'Admin' },
  { id: 'r2', name: 'admin' },
  { id: 'r3', name: 'Billing' },
  { id: 'Billing', name: 'Named like another role' },
];

describe('pickByIdOrName', () => {
  it.each([
    ['an id', 'r3', 'r3'],
    ['an id before a name equal to it', 'Billing', 'Billing'],
    ['the exact name, even when another differs only in case', 'admin', 'r2'],
    ['the exact name', 'Admin', 'r1'],
    ['the one name in another case', 'BILLING', 'r3'],
  ])('finds %s', (_what, text, id) => {
    expect(pickByIdOrName(roles, text)).toEqual({ found: expect.objectContaining({ id }) });
  });

  it('reports every candidate when a name in another case could mean several', () => {
    expect(pickByIdOrName(roles, 'ADMIN')).toEqual({
      ambiguous: [expect.objectContaining({ id: 'r1' }), expect.objectContaining({ id: 'r2' })],
    });
  });

  it('finds nothing for a name nobody has', () => {
    expect(pickByIdOrName(roles, 'Auditor')).toBeUndefined();
  });
});
