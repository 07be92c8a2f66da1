import { describe, expect, it } from 'vitest';
import { checkIdentityQuery, type IdentityListInput } from './list-identities.js';

describe('checkIdentityQuery', () => {
  const accepted: [string, IdentityListInput, Record<string, unknown>][] = [
    ['defaults to 50 a page', {}, { limit: 50 }],
    [
      'keeps every filter, trimmed',
      {
        status: 'disabled',
        integrationId: ' i ',
        groupId: 'g',
        attribute: 'Eng',
        text: 'ada',
        afterId: 'x',
        limit: 1000,
      },
      {
        status: 'disabled',
        integrationId: 'i',
        groupId: 'g',
        attribute: 'Eng',
        text: 'ada',
        afterId: 'x',
        limit: 1000,
      },
    ],
    ['treats blank filters as none', { text: ' ', attribute: '', afterId: '' }, { limit: 50 }],
  ];
  it.each(accepted)('%s', (_name, input, query) => {
    expect(checkIdentityQuery(input)).toEqual({ ok: true, value: query });
  });

  const limit = { field: 'limit', message: 'limit must be a whole number from 1 to 1000' };
  const refused: [string, IdentityListInput, { field: string; message: string }[]][] = [
    ['a zero limit', { limit: 0 }, [limit]],
    ['a limit above the maximum', { limit: 1001 }, [limit]],
    ['a fractional limit', { limit: 2.5 }, [limit]],
    [
      'an unknown status, with a bad limit',
      { status: 'gone', limit: Number.NaN },
      [limit, { field: 'status', message: 'status must be one of active, disabled, deleted' }],
    ],
  ];
  it.each(refused)('refuses %s', (_name, input, problems) => {
    expect(checkIdentityQuery(input)).toEqual({ ok: false, error: problems });
  });
});
