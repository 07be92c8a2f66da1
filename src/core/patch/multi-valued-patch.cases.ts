import {
  ada,
  add,
  babs,
  babsWith,
  homeEmail,
  remove,
  replace,
  workEmail,
  type PatchCase,
} from './patch.fixtures.js';

const user = (
  name: string,
  before: PatchCase['before'],
  operations: readonly unknown[],
  after: PatchCase['after'],
): PatchCase => ({ name, type: 'User', before, operations, after });

/** Multi-valued User attributes, with and without value filters, and operations in sequence. */
export const multiValuedPatchCases: readonly PatchCase[] = [
  // Multi-valued attributes without a filter.
  user(
    'add appends a new value to a multi-valued attribute',
    babs,
    [add('emails', [{ value: 'b@new.example', type: 'other' }])],
    babsWith({ emails: [workEmail, homeEmail, { value: 'b@new.example', type: 'other' }] }),
  ),
  user(
    'add of a value already present (by value, case-insensitively) updates it instead of duplicating',
    babs,
    [add('emails', [{ value: 'BJENSEN@example.com', display: 'Work' }])],
    babsWith({ emails: [{ ...workEmail, value: 'BJENSEN@example.com', display: 'Work' }, homeEmail] }),
  ),
  user(
    'add accepts a lone object for a multi-valued attribute',
    babs,
    [add('emails', { value: 'c@e.example' })],
    babsWith({ emails: [workEmail, homeEmail, { value: 'c@e.example' }] }),
  ),
  user(
    'add creates a multi-valued attribute that was unassigned',
    ada,
    [add('emails', [{ value: 'ada@e.example', type: 'work' }])],
    { ...ada, emails: [{ value: 'ada@e.example', type: 'work' }] },
  ),
  user(
    'add of a primary value makes the others non-primary (RFC 7644 §3.5.2)',
    babs,
    [add('emails', [{ value: 'new@e.example', type: 'other', primary: true }])],
    babsWith({
      emails: [
        { ...workEmail, primary: false },
        homeEmail,
        { value: 'new@e.example', type: 'other', primary: true },
      ],
    }),
  ),
  user(
    'add of two primary values keeps the first primary',
    babs,
    [
      add('emails', [
        { value: 'a@e.example', primary: true },
        { value: 'b@e.example', primary: true },
      ]),
    ],
    babsWith({
      emails: [
        { ...workEmail, primary: false },
        homeEmail,
        { value: 'a@e.example', primary: true },
        { value: 'b@e.example', primary: false },
      ],
    }),
  ),
  user(
    'add collapses values of the request that are equal to each other',
    babs,
    [add('emails', [{ value: 'x@e.example' }, { value: 'X@e.example' }])],
    babsWith({ emails: [workEmail, homeEmail, { value: 'X@e.example' }] }),
  ),
  user(
    'add of an element without "value" is compared as a whole',
    { ...ada, addresses: [{ locality: 'Paris', type: 'work' }] },
    [add('addresses', [{ locality: 'Paris', type: 'work' }])],
    { ...ada, addresses: [{ locality: 'Paris', type: 'work' }] },
  ),
  user(
    'add of a bare string to a multi-valued attribute takes it as the value',
    ada,
    [add('entitlements', 'reports')],
    { ...ada, entitlements: [{ value: 'reports' }] },
  ),
  user('add of roles appends', ada, [add('roles', [{ value: 'admin', primary: true }])], {
    ...ada,
    roles: [{ value: 'admin', primary: true }],
  }),
  user(
    'replace without a filter replaces every value',
    babs,
    [replace('emails', [{ value: 'only@e.example', type: 'work' }])],
    babsWith({ emails: [{ value: 'only@e.example', type: 'work' }] }),
  ),
  user(
    'replace with [] removes the attribute',
    babs,
    [replace('emails', [])],
    babsWith({ emails: undefined }),
  ),
  user(
    'replace with null removes a multi-valued attribute',
    babs,
    [replace('phoneNumbers', null)],
    babsWith({ phoneNumbers: undefined }),
  ),
  user(
    'remove without a filter removes every value',
    babs,
    [remove('emails')],
    babsWith({ emails: undefined }),
  ),
  user(
    'remove with a value list removes only the listed values',
    babs,
    [remove('emails', [{ value: 'babs@home.example' }])],
    babsWith({ emails: [workEmail] }),
  ),
  user(
    'remove with a value list that matches nothing changes nothing',
    babs,
    [remove('emails', [{ value: 'nobody@e.example' }])],
    babs,
  ),
  user(
    'replace of a sub-attribute without a filter sets it on every value',
    babs,
    [replace('emails.primary', false)],
    babsWith({
      emails: [
        { ...workEmail, primary: false },
        { ...homeEmail, primary: false },
      ],
    }),
  ),

  // Value filters (RFC 7644 §3.5.2, valuePath).
  user(
    'remove with a filter removes the matching values',
    babs,
    [remove('emails[type eq "home"]')],
    babsWith({ emails: [workEmail] }),
  ),
  user(
    'remove with a filter matching nothing succeeds without change',
    babs,
    [remove('emails[type eq "other"]')],
    babs,
  ),
  user(
    'remove with a filter compares value case-insensitively (emails.value is not caseExact)',
    babs,
    [remove('emails[value eq "BJENSEN@EXAMPLE.COM"]')],
    babsWith({ emails: [homeEmail] }),
  ),
  user(
    'remove with a filter matching every value removes the attribute',
    babs,
    [remove('phoneNumbers[value pr]')],
    babsWith({ phoneNumbers: undefined }),
  ),
  user(
    'remove of a filtered sub-attribute keeps the element',
    babs,
    [remove('emails[type eq "work"].primary')],
    babsWith({ emails: [{ value: 'bjensen@example.com', type: 'work' }, homeEmail] }),
  ),
  user(
    'remove of a filtered value sub-attribute',
    babs,
    [remove('emails[type eq "work"].value')],
    babsWith({ emails: [{ type: 'work', primary: true }, homeEmail] }),
  ),
  user(
    'replace of a filtered sub-attribute sets it on the match',
    babs,
    [replace('emails[type eq "work"].value', 'b@corp.example')],
    babsWith({ emails: [{ ...workEmail, value: 'b@corp.example' }, homeEmail] }),
  ),
  user(
    'add of a filtered sub-attribute sets it on the match',
    babs,
    [add('emails[type eq "home"].display', 'Home')],
    babsWith({ emails: [workEmail, { ...homeEmail, display: 'Home' }] }),
  ),
  user(
    'replace with a filter replaces the matching element whole',
    babs,
    [replace('emails[type eq "work"]', { value: 'new@corp.example', type: 'work' })],
    babsWith({ emails: [{ value: 'new@corp.example', type: 'work' }, homeEmail] }),
  ),
  user(
    'add with a filter merges into the matching element',
    babs,
    [add('emails[type eq "home"]', { display: 'Home' })],
    babsWith({ emails: [workEmail, { ...homeEmail, display: 'Home' }] }),
  ),
  user(
    'add with a filter creates the element it describes when none matches',
    babs,
    [add('emails[type eq "other"]', { value: 'o@e.example' })],
    babsWith({ emails: [workEmail, homeEmail, { type: 'other', value: 'o@e.example' }] }),
  ),
  user(
    'setting primary through a filter makes the other values non-primary',
    babs,
    [replace('emails[value eq "babs@home.example"].primary', true)],
    babsWith({
      emails: [
        { ...workEmail, primary: false },
        { ...homeEmail, primary: true },
      ],
    }),
  ),
  user(
    'add of a filtered sub-attribute creates the element when none matches',
    babs,
    [add('phoneNumbers[type eq "mobile"].value', '555-0199')],
    babsWith({
      phoneNumbers: [
        { value: '555-0100', type: 'work' },
        { type: 'mobile', value: '555-0199' },
      ],
    }),
  ),
  user(
    'replace of a filtered sub-attribute creates the element when none matches',
    ada,
    [replace('addresses[type eq "work"].locality', 'Oslo')],
    { ...ada, addresses: [{ type: 'work', locality: 'Oslo' }] },
  ),
  user(
    'creates from an "and" of "eq" filters, with typed values',
    ada,
    [add('ims[type eq "xmpp" and primary eq true].value', 'ada@jabber.example')],
    { ...ada, ims: [{ type: 'xmpp', primary: true, value: 'ada@jabber.example' }] },
  ),
  user(
    'replace with a filter and null removes the matching elements',
    babs,
    [replace('emails[type eq "home"]', null)],
    babsWith({ emails: [workEmail] }),
  ),
  user(
    'a filtered write coerces string booleans',
    babs,
    [replace('emails[type eq "home"].primary', 'True')],
    babsWith({
      emails: [
        { ...workEmail, primary: false },
        { ...homeEmail, primary: true },
      ],
    }),
  ),
  user(
    'a filter with "or" selects every match',
    babs,
    [replace('emails[type eq "home" or type eq "work"].display', 'Mail')],
    babsWith({
      emails: [
        { ...workEmail, display: 'Mail' },
        { ...homeEmail, display: 'Mail' },
      ],
    }),
  ),

  // Several operations apply in order.
  user(
    'add then remove of the same attribute leaves it removed',
    ada,
    [add('title', 'T'), remove('title')],
    ada,
  ),
  user('the last replace wins', ada, [replace('title', 'A'), replace('title', 'B')], { ...ada, title: 'B' }),
  user(
    'the primary set last wins across operations',
    babs,
    [replace('emails[type eq "home"].primary', true), replace('emails[type eq "work"].primary', true)],
    babsWith({ emails: [workEmail, { ...homeEmail, primary: false }] }),
  ),
  user(
    'a later operation sees an element an earlier one created',
    ada,
    [
      add('addresses[type eq "work"].formatted', '1 Main St'),
      add('addresses[type eq "work"].postalCode', '0150'),
    ],
    { ...ada, addresses: [{ type: 'work', formatted: '1 Main St', postalCode: '0150' }] },
  ),
  user(
    'replace of a sub-attribute then remove of its parent',
    babs,
    [replace('name.givenName', 'B'), remove('name')],
    babsWith({ name: undefined }),
  ),
];
