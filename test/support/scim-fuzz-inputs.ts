import fc from 'fast-check';
import { arbitraryFilter, arbitraryUserFilter } from '../../src/core/filter/filter.arbitrary.js';
import { printFilter } from '../../src/core/filter/print-filter.support.js';
import { arbitraryOperation, arbitraryUser } from '../../src/core/patch/patch.arbitrary.js';

/**
 * Generated SCIM requests for the fuzz suite (test/scim-fuzz.test.ts, `npm run fuzz`): grammar-based
 * filters and their mutations, PATCH bodies, resource bodies with the keys and values that broke Roster
 * before (prototype names, NUL, lone surrogates, huge numbers, deep nesting), Bulk requests, query
 * parameters and headers. `{user}` and `{group}` in a path stand for a user and a group that exist on the
 * engine the request is sent to (their ids differ between engines).
 */
export interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  /** Sent as it is (already JSON text, or deliberately not). */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
];
const ATTRIBUTE_NAMES = [
  'userName',
  'displayName',
  'name',
  'name.givenName',
  'emails',
  'emails.value',
  'emails.type',
  'title',
  'active',
  'groups',
  'groups.display',
  'members',
  'members.value',
  'members.display',
  'externalId',
  'id',
  'meta',
  'meta.created',
  'meta.lastModified',
  'phoneNumbers',
  'roles',
  'x509Certificates',
  'password',
  `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:department`,
  `${USER}:userName`,
  'nickName',
  'locale',
];

/** Strings that have caused trouble, mixed with ordinary ones. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES, ...ATTRIBUTE_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a\u0000b', '\ud800', 'x\udfff', '\u0000', '😀', 'İ', 'ß', '\u202e', ''),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4000 }).map((n) => 'v'.repeat(n)) },
);

/** JSON text of a value, sometimes with literals JSON.stringify would never write. */
const nastyJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'null',
      'true',
      'false',
      '0',
      '-0',
      '1e308',
      '1e309',
      '-1e-400',
      '123456789012345678901234567890',
      '9007199254740993',
      '"True"',
      '""',
    ),
    nastyString.map((s) => JSON.stringify(s)),
    fc.double().map((d) => (Number.isFinite(d) ? String(d) : '0')),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(nastyString, tie('value')), { maxLength: 4 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);

/** A JSON object body: a base that makes it a plausible resource, plus nasty members. */
function resourceBody(base: Record<string, unknown>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.tuple(nastyString, nastyJson), { maxLength: 5 }),
      fc.option(fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES, ENTERPRISE), fc.oneof(nastyJson, deepNesting)), {
        nil: undefined,
      }),
    )
    .map(([extra, attribute]) => {
      const members = Object.entries(base).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
      for (const [k, v] of extra) members.push(`${JSON.stringify(k)}:${v}`);
      if (attribute) members.push(`${JSON.stringify(attribute[0])}:${attribute[1]}`);
      return `{${members.join(',')}}`;
    });
}

const filterText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: arbitraryUserFilter.map(printFilter) },
  { weight: 2, arbitrary: arbitraryFilter.map(printFilter) },
  // Mutations of a valid filter: a character inserted, a span deleted, a token repeated.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        arbitraryUserFilter.map(printFilter),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(
          '(',
          ')',
          '[',
          ']',
          '"',
          '\\',
          ' or ',
          ' and ',
          ' not ',
          '.',
          ':',
          '\u0000',
          'eq',
          ' pr',
        ),
      )
      .map(([text, at, length, insert]) => {
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (length % 4));
      }),
  },
  // Long chains: many clauses, by operator and path, the shape that stalled SQLite.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 2, max: 300 }),
        fc.constantFrom(
          'userName eq',
          'groups.display sw',
          'title co',
          'emails.value ew',
          'members.value eq',
          'name.givenName ne',
        ),
        fc.constantFrom(' or ', ' and '),
      )
      .map(([n, clause, joiner]) => Array.from({ length: n }, (_, i) => `${clause} "v${i}"`).join(joiner)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 80 }).map((n) => `${'('.repeat(n)}userName eq "x"${')'.repeat(n)}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const resourceType = fc.constantFrom('Users', 'Groups');
const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8 form; send what a client with a broken encoder would.
    return text
      .split('')
      .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
};

const filterRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(filterText, resourceType, fc.boolean())
  .map(([filter, type, asSearch]) =>
    asSearch
      ? {
          kind: 'filter',
          method: 'POST',
          path: `/${type}/.search`,
          body: JSON.stringify({ filter, count: 5 }),
        }
      : { kind: 'filter', method: 'GET', path: `/${type}?count=5&filter=${enc(filter)}` },
  );

const patchPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ATTRIBUTE_NAMES),
  filterText.map((f) => `emails[${f}].value`),
  fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), nastyString).map(([a, b]) => `${a}.${b}`),
  nastyString,
);

const patchRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom('/Users/{user}', '/Groups/{group}'),
    fc.array(
      fc.oneof(
        arbitraryOperation.map((op) => JSON.stringify(op)),
        fc
          .tuple(
            fc.constantFrom('add', 'replace', 'remove', 'Add', 'REMOVE', 'delete', ''),
            fc.option(patchPath),
            fc.option(nastyJson),
          )
          .map(([op, path, value]) => {
            const members = [`"op":${JSON.stringify(op)}`];
            if (path !== null) members.push(`"path":${JSON.stringify(path)}`);
            if (value !== null) members.push(`"value":${value}`);
            return `{${members.join(',')}}`;
          }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([path, operations]) => ({
    kind: 'patch',
    method: 'PATCH',
    path,
    body: `{"schemas":["${PATCH_OP}"],"Operations":[${operations.join(',')}]}`,
  }));

const bodyRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom('POST /Users', 'POST /Groups', 'PUT /Users/{user}', 'PUT /Groups/{group}'),
    arbitraryUser,
    fc.nat(1_000_000),
  )
  .chain(([target, user, n]) => {
    const [method, path] = target.split(' ') as [string, string];
    const isUser = path.startsWith('/Users');
    // Names drawn from the input, so both engines see the same names (and the same conflicts).
    const base: Record<string, unknown> = isUser
      ? { ...user, userName: method === 'PUT' ? 'fuzz-base' : `${String(user.userName)}-${n}` }
      : { displayName: method === 'PUT' ? 'fuzz-base-group' : `group-${n}` };
    return resourceBody(base).map((body) => ({ kind: 'body', method, path, body }));
  });

const bulkRequest: fc.Arbitrary<FuzzRequest> = fc
  .array(
    fc
      .tuple(
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'post', 'GET'),
        fc.constantFrom('/Users', '/Groups', '/Users/{user}', '/Users/bulkId:b1', '/Nope'),
        fc.option(nastyString),
        fc.option(nastyJson),
        fc.nat(1000),
      )
      .map(([method, path, bulkId, data, n]) => {
        const members = [`"method":${JSON.stringify(method)}`, `"path":${JSON.stringify(path)}`];
        if (bulkId !== null) members.push(`"bulkId":${JSON.stringify(bulkId)}`);
        else if (method === 'POST') members.push(`"bulkId":"b${n}"`);
        members.push(
          `"data":${data ?? JSON.stringify({ userName: `bulk-${n}`, displayName: `bulk-group-${n}` })}`,
        );
        return `{${members.join(',')}}`;
      }),
    { minLength: 1, maxLength: 8 },
  )
  .map((operations) => ({
    kind: 'bulk',
    method: 'POST',
    path: '/Bulk',
    body: `{"schemas":["${BULK}"],"Operations":[${operations.join(',')}]}`,
  }));

const parameterValue = fc.oneof(
  nastyString,
  fc.integer().map(String),
  fc.constantFrom('-1', '0', '99999999999999999999', '1.5', '1e3', ' 7', '', 'ascending', 'DESCENDING'),
  fc
    .array(fc.constantFrom(...ATTRIBUTE_NAMES, ...PROTOTYPE_NAMES), { maxLength: 120 })
    .map((names) => names.join(',')),
);

const queryRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(
      '/Users',
      '/Groups',
      '/Users/{user}',
      '/Groups/{group}',
      '/ServiceProviderConfig',
      '/Schemas',
      '/ResourceTypes',
      '/Users/.search',
    ),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'filter',
          'sortBy',
          'sortOrder',
          'startIndex',
          'count',
          'cursor',
          'attributes',
          'excludedAttributes',
          'startindex',
          'COUNT',
          ...PROTOTYPE_NAMES,
        ),
        parameterValue,
      ),
      { maxLength: 5 },
    ),
  )
  .map(([path, parameters]) => ({
    kind: 'query',
    method: path.endsWith('.search') ? 'POST' : 'GET',
    path: `${path}?${parameters.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`,
    ...(path.endsWith('.search') ? { body: '{}' } : {}),
  }));

const headerRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(
      'GET /Users/{user}',
      'PUT /Users/{user}',
      'PATCH /Groups/{group}',
      'DELETE /Users/nope',
      'POST /Users',
    ),
    fc.record(
      {
        'content-type': fc.constantFrom(
          'application/scim+json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/scim+json; charset=latin1',
          '',
        ),
        'if-match': fc.oneof(
          fc.constantFrom('*', 'W/"1"', 'W/"2", W/"3"', '"1"', 'W/', ''),
          nastyString.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        ),
        'if-none-match': fc.constantFrom('*', 'W/"1"', 'garbage'),
        prefer: fc.constantFrom('return=minimal', 'return=representation', 'respond-async', ''),
        accept: fc.constantFrom('application/scim+json', 'text/html', '*/*'),
        'x-request-id': fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
      },
      { requiredKeys: [] },
    ),
    fc.nat(1000),
  )
  .map(([target, headers, n]) => {
    const [method, path] = target.split(' ') as [string, string];
    const body =
      method === 'GET' || method === 'DELETE'
        ? undefined
        : method === 'PATCH'
          ? `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","path":"displayName","value":"h${n}"}]}`
          : JSON.stringify({ userName: method === 'PUT' ? 'fuzz-base' : `header-${n}` });
    const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
    return { kind: 'header', method, path, ...(body === undefined ? {} : { body }), headers: sent };
  });

export const arbitraryScimRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 4, arbitrary: filterRequest },
  { weight: 3, arbitrary: patchRequest },
  { weight: 3, arbitrary: bodyRequest },
  { weight: 1, arbitrary: bulkRequest },
  { weight: 2, arbitrary: queryRequest },
  { weight: 1, arbitrary: headerRequest },
);
