import fc from 'fast-check';
import { coerceResource } from '../resource/coerce-resource.js';
import type { JsonObject } from '../resource/json.js';
import { userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA as E, USER_SCHEMA as U } from '../schema/schema-urns.js';

/**
 * fast-check generators for the PATCH property tests: valid stored Users over a small attribute set
 * (so operations often collide with existing values), and valid operations on them as clients send
 * them (mixed-case ops, Entra string booleans, path-less values, value filters).
 */

const word = fc.constantFrom('ada', 'Ada', 'babs', 'B', 'carol', 'x', '');
const emailValue = fc.constantFrom('a@example.com', 'A@Example.com', 'b@example.com', 'c@example.com');
const emailType = fc.constantFrom('work', 'home', 'other');
const booleanLike = fc.constantFrom<boolean | string>(true, false, 'True', 'False');

export const arbitraryEmail = fc.record(
  { value: emailValue, type: emailType, primary: fc.boolean() },
  { requiredKeys: ['value'] },
);

/** A User as Roster stores it: coerceResource's output for a random body. */
export const arbitraryUser: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      userName: fc.constantFrom('bjensen', 'ada', 'carol'),
      displayName: word,
      title: word,
      active: booleanLike,
      name: fc.record({ givenName: word, familyName: word }, { requiredKeys: [] }),
      emails: fc.array(arbitraryEmail, { maxLength: 4 }),
      phoneNumbers: fc.array(fc.record({ value: fc.constantFrom('1', '2'), primary: fc.boolean() }), {
        maxLength: 2,
      }),
      [E]: fc.record(
        { employeeNumber: word, department: word, manager: fc.record({ value: word }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['userName'] },
  )
  // Twice: coerceResource drops exact duplicates before it demotes extra primaries, so one pass can leave
  // two equal elements; the second pass reaches the fixed point a stored resource is.
  .map((body) => coerceResource(userResourceType, coerceResource(userResourceType, body)));

const opName = (name: string) =>
  fc.constantFrom(name, name[0]?.toUpperCase() + name.slice(1), name.toUpperCase());

/** Singular string paths, with how to read the stored value back. */
export const stringPaths: readonly { readonly path: string; readonly read: (r: JsonObject) => unknown }[] = [
  { path: 'displayName', read: (r) => r.displayName },
  { path: 'title', read: (r) => r.title },
  { path: `${U}:nickName`, read: (r) => r.nickName },
  { path: 'name.givenName', read: (r) => (r.name as JsonObject | undefined)?.givenName },
  { path: `${E}:employeeNumber`, read: (r) => (r[E] as JsonObject | undefined)?.employeeNumber },
  { path: 'department', read: (r) => (r[E] as JsonObject | undefined)?.department },
  {
    path: `${E}:manager.value`,
    read: (r) => ((r[E] as JsonObject | undefined)?.manager as JsonObject | undefined)?.value,
  },
];

const nonBlankWord = fc.constantFrom('ada', 'Ada', 'babs', 'carol');

export const arbitraryOperation: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ op: opName('replace'), path: fc.constantFrom(...stringPaths.map((p) => p.path)), value: word }),
  fc.record({ op: opName('replace'), path: fc.constant('active'), value: booleanLike }),
  fc.record({ op: opName('replace'), path: fc.constant('userName'), value: nonBlankWord }),
  fc.record({
    op: opName('add'),
    path: fc.constant('emails'),
    value: fc.array(arbitraryEmail, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    op: opName('replace'),
    path: fc.constant('emails'),
    value: fc.array(arbitraryEmail, { maxLength: 3 }),
  }),
  fc.record({
    op: opName('remove'),
    path: fc.constantFrom(
      'displayName',
      'title',
      'name',
      'emails',
      'name.givenName',
      'department',
      `${E}:manager`,
      'emails[type eq "work"]',
      'emails[primary eq true].primary',
      'phoneNumbers',
      'emails[value eq "a@example.com"]',
    ),
  }),
  fc.record({
    op: opName('remove'),
    path: fc.constant('emails'),
    value: fc.array(fc.record({ value: emailValue }), { maxLength: 2 }),
  }),
  fc.record({
    op: opName('add'),
    path: fc.constantFrom('emails[type eq "work"].value', 'emails[type eq "home"].value'),
    value: emailValue,
  }),
  fc.record({
    op: opName('replace'),
    path: fc.constantFrom(
      'emails[type eq "home"].primary',
      'emails[value eq "b@example.com"].primary',
      'emails.primary',
    ),
    value: booleanLike,
  }),
  fc.record({ op: opName('replace'), path: fc.constant(`${E}:manager`), value: nonBlankWord }),
  fc.record({
    op: fc.oneof(opName('add'), opName('replace')),
    value: fc.record(
      {
        active: booleanLike,
        'name.familyName': word,
        [`${E}:department`]: word,
        id: word,
        emails: fc.array(arbitraryEmail, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  }),
);
