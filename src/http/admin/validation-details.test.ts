import { Compile } from 'typebox/compile';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { validationDetails, type ValidationIssue } from './validation-details.js';

const Body = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    kind: Type.Optional(Type.Enum(['a', 'b'])),
    policyId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])),
    source: Type.Optional(
      Type.Union([
        Type.String({ minLength: 1 }),
        Type.Object(
          { kind: Type.Enum(['x', 'y']), path: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
      ]),
    ),
    nested: Type.Optional(Type.Object({ on: Type.Boolean() }, { additionalProperties: false })),
    tags: Type.Optional(Type.Array(Type.String({ pattern: '^\\S+$' }))),
  },
  { additionalProperties: false },
);
const check = Compile(Body);
const detailsOf = (value: unknown, context = 'body') =>
  validationDetails(check.Errors(value) as unknown as ValidationIssue[], context);

describe('validationDetails', () => {
  it.each([
    ['a missing field', {}, [{ field: 'name', message: 'is required' }]],
    [
      'an unknown field, once',
      { name: 'n', colour: 1 },
      [{ field: 'colour', message: 'is not a known field' }],
    ],
    ['an enum', { name: 'n', kind: 'c' }, [{ field: 'kind', message: 'must be one of a, b' }]],
    [
      'a string or null',
      { name: 'n', policyId: 5 },
      [{ field: 'policyId', message: 'must be string or null' }],
    ],
    [
      'the union branch whose type the value has',
      { name: 'n', source: { kind: 'z', extra: true } },
      [
        { field: 'source.extra', message: 'is not a known field' },
        { field: 'source.kind', message: 'must be one of x, y' },
      ],
    ],
    [
      'a nested field',
      { name: 'n', nested: { on: 'yes' } },
      [{ field: 'nested.on', message: 'must be boolean' }],
    ],
    ['an array element by index', { name: 'n', tags: ['ok', 'not ok'] }, [{ field: 'tags.1' }]],
    ['several fields at once', { name: '', kind: 'c' }, [{ field: 'name' }, { field: 'kind' }]],
  ])('names %s', (_case, value, expected) => {
    const details = detailsOf(value);
    expect(details).toHaveLength(expected.length);
    for (const detail of expected) {
      expect(details).toContainEqual(expect.objectContaining({ ...detail, location: 'body' }));
    }
  });

  it('says where the field was sent', () => {
    expect(detailsOf({}, 'querystring')).toEqual([
      { field: 'name', location: 'query', message: 'is required' },
    ]);
    expect(detailsOf({}, 'params')[0]?.location).toBe('path');
  });
});
