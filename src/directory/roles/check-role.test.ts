import { describe, expect, it } from 'vitest';
import { checkName } from '../names/check-name.js';
import { checkRole } from './check-role.js';

describe('checkName', () => {
  const cases: [string, string | undefined, ReturnType<typeof checkName>][] = [
    ['trims', '  Admins ', { ok: true, value: 'Admins' }],
    ['refuses blank', '   ', { ok: false, error: 'A role needs a non-empty name' }],
    ['refuses missing', undefined, { ok: false, error: 'A role needs a non-empty name' }],
    [
      'refuses control characters',
      'a\nb',
      { ok: false, error: 'A role name must not contain control characters' },
    ],
    [
      'refuses very long names',
      'x'.repeat(201),
      { ok: false, error: 'A role name must be at most 200 characters' },
    ],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(checkName('A role', text)).toEqual(expected);
  });
});

describe('checkRole', () => {
  it('trims, keeps order and drops duplicate permissions', () => {
    expect(checkRole({ name: ' billing ', permissions: ['b:write', ' a:read', 'b:write'] })).toEqual({
      ok: true,
      value: { name: 'billing', permissions: ['b:write', 'a:read'] },
    });
  });

  it('allows a role without permissions', () => {
    expect(checkRole({ name: 'placeholder', permissions: [] })).toEqual({
      ok: true,
      value: { name: 'placeholder', permissions: [] },
    });
  });

  it('reports every problem at once', () => {
    expect(checkRole({ name: '', permissions: ['', 'has space', 'y'.repeat(201)] })).toEqual({
      ok: false,
      error: [
        { field: 'name', message: 'A role needs a non-empty name' },
        { field: 'permissions', message: 'a permission must not be empty' },
        { field: 'permissions', message: 'permission "has space" must not contain spaces' },
        { field: 'permissions', message: `permission "${'y'.repeat(20)}…" is longer than 200 characters` },
      ],
    });
  });
});
