import fc from 'fast-check';
import type { AttributePath } from '../path/attribute-path.js';
import { ENTERPRISE_USER_SCHEMA as E, USER_SCHEMA as U } from '../schema/schema-urns.js';
import type { ComparisonOperator, Filter, FilterValue } from './filter-ast.js';
import { unstorableTextReason } from '../resource/storable-text.js';

/** fast-check generators of filter trees, for the parser's, printer's and evaluator's property tests. */

const path = (schemaUrn: string | undefined, attribute: string, subAttribute?: string): AttributePath => ({
  kind: 'attributePath',
  schemaUrn,
  attribute,
  subAttribute,
});

const ALL_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const ORDER_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

function compare(
  paths: fc.Arbitrary<AttributePath>,
  ops: readonly ComparisonOperator[],
  values: fc.Arbitrary<FilterValue>,
) {
  return fc.record({
    kind: fc.constant('compare' as const),
    path: paths,
    op: fc.constantFrom(...ops),
    value: values,
  });
}

function present(paths: fc.Arbitrary<AttributePath>): fc.Arbitrary<Filter> {
  return fc.record({ kind: fc.constant('present' as const), path: paths });
}

function valuePath(paths: fc.Arbitrary<AttributePath>, inner: fc.Arbitrary<Filter>): fc.Arbitrary<Filter> {
  return fc.record({ kind: fc.constant('valuePath' as const), path: paths, filter: inner });
}

/** Trees of `and`, `or` and `not` over `leaf`, at most `depth` levels deep. */
function tree(leaf: fc.Arbitrary<Filter>, depth: number): fc.Arbitrary<Filter> {
  if (depth === 0) return leaf;
  const sub = tree(leaf, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('and' as const), left: sub, right: sub }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('or' as const), left: sub, right: sub }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('not' as const), filter: sub }) },
  );
}

/**
 * Any syntactically valid filter: paths of every shape (URN-qualified, sub-attributes, odd spellings), any
 * literal (lone surrogates, control characters, -0, exponents). Not necessarily valid for a schema.
 */
export const arbitraryFilter: fc.Arbitrary<Filter> = (() => {
  const topPaths = fc.constantFrom(
    path(undefined, 'userName'),
    path(undefined, 'USERNAME'),
    path(undefined, 'name', 'givenName'),
    path(undefined, 'emails', 'value'),
    path(undefined, 'members', '$ref'),
    path(undefined, 'a-b_c9'),
    path(U, 'name', 'familyName'),
    path(E, 'department'),
    path(E.toUpperCase(), 'manager', 'value'),
  );
  const multiPaths = fc.constantFrom(
    path(undefined, 'emails'),
    path(U, 'emails'),
    path(undefined, 'Members'),
  );
  const relativePaths = fc.constantFrom(
    path(undefined, 'type'),
    path(undefined, 'value'),
    path(undefined, 'Primary'),
  );
  const values: fc.Arbitrary<FilterValue> = fc.oneof(
    // Strings no stored value can hold (NUL, lone surrogates) are refused by the lexer (storable-text.ts).
    fc.string({ unit: 'binary' }).filter((text) => unstorableTextReason(text) === undefined),
    fc.string({ unit: 'grapheme' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const leaf = (paths: fc.Arbitrary<AttributePath>) =>
    fc.oneof(compare(paths, ALL_OPERATORS, values), present(paths));
  return tree(fc.oneof(leaf(topPaths), valuePath(multiPaths, tree(leaf(relativePaths), 2))), 3);
})();

/** Filters that resolve against the User resource type and select some fixtures but not others. */
export const arbitraryUserFilter: fc.Arbitrary<Filter> = (() => {
  const strings = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'bjensen',
        'B',
        'e',
        'work',
        'Jensen',
        'tour operations',
        '@example.com',
        '',
        'ü',
      ),
    },
    { weight: 1, arbitrary: fc.string() },
  );
  const instants = fc.constantFrom(
    '2024-01-01T00:00:00Z',
    '2024-06-01T12:00:00Z',
    '2023-07-01T02:00:00+02:00',
  );
  const stringPaths = fc.constantFrom(
    path(undefined, 'userName'),
    path(undefined, 'displayName'),
    path(undefined, 'title'),
    path(undefined, 'externalId'),
    path(undefined, 'name', 'givenName'),
    path(undefined, 'emails', 'value'),
    path(undefined, 'emails', 'type'),
    path(undefined, 'emails'),
    path(E, 'department'),
  );
  const booleanPaths = fc.constantFrom(path(undefined, 'active'), path(undefined, 'emails', 'primary'));
  const instantPaths = fc.constantFrom(
    path(undefined, 'meta', 'created'),
    path(undefined, 'meta', 'lastModified'),
  );
  const presentPaths = fc.oneof(
    stringPaths,
    booleanPaths,
    fc.constantFrom(path(undefined, 'name'), path(E, 'manager')),
  );
  const top = fc.oneof(
    compare(stringPaths, ALL_OPERATORS, strings),
    compare(stringPaths, ['eq', 'ne'], fc.constant(null)),
    compare(booleanPaths, ['eq', 'ne'], fc.oneof(fc.boolean(), fc.constant(null))),
    compare(instantPaths, ORDER_OPERATORS, instants),
    present(presentPaths),
  );
  const inner = fc.oneof(
    compare(fc.constantFrom(path(undefined, 'type'), path(undefined, 'value')), ALL_OPERATORS, strings),
    compare(fc.constant(path(undefined, 'primary')), ['eq', 'ne'], fc.boolean()),
    present(fc.constantFrom(path(undefined, 'value'), path(undefined, 'primary'))),
  );
  return tree(
    fc.oneof(
      { weight: 4, arbitrary: top },
      { weight: 1, arbitrary: valuePath(fc.constant(path(undefined, 'emails')), tree(inner, 2)) },
    ),
    3,
  );
})();
