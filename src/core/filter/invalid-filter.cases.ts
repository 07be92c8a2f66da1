import { ENTERPRISE_USER_SCHEMA as E, USER_SCHEMA as U } from '../schema/schema-urns.js';

/**
 * Filters that must be refused, with where and why. `stage` says which step refuses: `parse` (RFC 7644
 * §3.4.2.2 syntax) or `resolve` (schema and operator/type rules). Resolve errors point at the offending
 * path. Both are `invalidFilter` (400) at the HTTP layer.
 */
export interface InvalidFilterCase {
  readonly filter: string;
  readonly resourceType: 'User' | 'Group';
  readonly stage: 'parse' | 'resolve';
  readonly position: number;
  readonly reason: string;
}

const parse = (filter: string, position: number, reason: string): InvalidFilterCase => ({
  filter,
  resourceType: 'User',
  stage: 'parse',
  position,
  reason,
});
const resolve = (
  filter: string,
  position: number,
  reason: string,
  resourceType: 'User' | 'Group' = 'User',
) => ({
  filter,
  resourceType,
  stage: 'resolve' as const,
  position,
  reason,
});

export const invalidFilterCases: readonly InvalidFilterCase[] = Object.freeze([
  parse('', 0, 'the filter is empty'),
  parse('   ', 0, 'the filter is empty'),
  parse('userName', 8, 'expected a comparison operator after "userName" at position 8 but found the end'),
  parse('userName is "x"', 9, 'expected a comparison operator after "userName" at position 9 but found "is"'),
  parse('userName eq', 11, 'expected a value after "eq" at position 11'),
  parse('userName eq bjensen', 12, 'found "bjensen" (strings need double quotes)'),
  parse('userName eq "bjensen', 12, 'unterminated string starting at position 12'),
  parse('userName eq "x\\', 12, 'unterminated string'),
  parse('userName eq "a\\qb"', 14, 'invalid escape "\\q"'),
  parse('userName eq "\\u12G4"', 13, 'invalid escape "\\u12G4"'),
  parse('userName eq "a\tb"', 14, 'control characters must be escaped'),
  parse("userName eq 'x'", 12, 'strings are written in double quotes'),
  parse('userName === "x"', 9, 'unexpected character "="'),
  parse('userName eq 01', 12, '"01" is not a valid number'),
  parse('userName eq 1.', 12, '"1." is not a valid number'),
  parse('userName eq -', 12, '"-" is not a valid number'),
  parse('meta.created gt 2024-01-01', 16, '"2024-01-01" is not a valid number'),
  parse('1userName eq "x"', 0, '"1userName" is not a valid number'),
  parse('title pr "x"', 9, '"pr" takes no value, but found the string "x"'),
  parse('title pr true', 9, '"pr" takes no value'),
  parse('userName pr pr', 12, 'expected "and", "or" or the end of the filter at position 12 but found "pr"'),
  parse('userName eq "x" foo', 16, 'expected "and", "or" or the end of the filter'),
  parse('userName eq "a" "b"', 16, 'but found the string "b"'),
  parse('userName eq true false', 17, 'but found "false"'),
  parse('(userName eq "x"', 0, '"(" at position 0 is never closed'),
  parse('not (userName eq "x"', 4, '"(" at position 4 is never closed'),
  parse('userName eq "x")', 15, 'unbalanced ")" at position 15'),
  parse('userName eq "x"]', 15, 'unbalanced "]" at position 15'),
  parse('(userName eq "x" b)', 17, 'expected "and", "or" or ")" at position 17 but found "b"'),
  parse('emails[type eq "work"', 6, '"[" at position 6 is never closed'),
  parse('emails[type eq "work")', 21, 'expected "and", "or" or "]" at position 21'),
  parse('emails[]', 7, 'expected an attribute name, "not" or "(" at position 7 but found "]"'),
  parse('emails[type eq "work" and value[x eq "y"]]', 31, 'value filters cannot be nested'),
  parse(
    'name.givenName[value eq "x"]',
    14,
    'a value filter applies to an attribute, not to "name.givenName"',
  ),
  parse('emails[type eq "work"].value', 28, 'expected a comparison operator after "value"'),
  parse('emails[type eq "work"].', 23, 'expected a sub-attribute name after "]."'),
  parse('emails[type eq "work"] eq "x"', 23, 'expected "and", "or" or the end of the filter'),
  parse('not userName eq "x"', 4, 'expected "(" after "not" at position 4 but found "userName"'),
  parse('userName eq "x" and not', 23, 'expected "(" after "not"'),
  parse(
    'userName eq "x" and',
    19,
    'expected an attribute name, "not" or "(" at position 19 but found the end',
  ),
  parse('userName eq "x" and (', 21, 'expected an attribute name, "not" or "("'),
  parse('userName eq "x" or or userName eq "y"', 22, 'expected a comparison operator after "or"'),
  parse('name.givenName.x eq "y"', 14, 'at most one sub-attribute'),
  parse('name. eq "x"', 5, 'expected an attribute name at position 5'),
  parse('$foo eq "x"', 0, '"$foo" is not an attribute name'),
  parse('foo:bar eq "x"', 0, '"foo" is not a schema URN'),
  parse(`${U}: eq "x"`, 43, 'expected an attribute name after'),
  parse(`${'('.repeat(70)}userName pr${')'.repeat(70)}`, 64, 'nests deeper than 64 levels'),
  resolve('fooBar eq "x"', 0, 'unknown attribute "fooBar"'),
  resolve('userName eq "x" and fooBar pr', 20, 'unknown attribute "fooBar"'),
  resolve('name.foo eq "x"', 0, 'unknown sub-attribute "foo" of "name"'),
  resolve('userName.first eq "x"', 0, '"userName" is not a complex attribute'),
  resolve('name eq "x"', 0, '"name" is complex: compare one of its sub-attributes'),
  resolve('addresses eq "x"', 0, '"addresses" is complex'),
  resolve('meta gt "x"', 0, '"meta" is complex'),
  resolve('active gt true', 0, '"active" is boolean, so it cannot be compared with "gt"'),
  resolve('emails.primary le true', 0, '"emails.primary" is boolean, so it cannot be compared with "le"'),
  resolve('x509Certificates.value lt "a"', 0, 'is binary, so it cannot be compared with "lt"'),
  resolve('active co "t"', 0, '"co" only applies to strings, and "active" is boolean'),
  resolve('meta.created sw "2024"', 0, '"sw" only applies to strings, and "meta.created" is dateTime'),
  resolve('meta.lastModified ew "Z"', 0, '"ew" only applies to strings'),
  resolve('active eq "true"', 0, '"active" is boolean, so compare it with true or false, not "true"'),
  resolve('emails.primary eq 1', 0, 'compare it with true or false, not 1'),
  resolve('userName eq 5', 0, '"userName" is string, so the value must be a quoted string, not 5'),
  resolve('profileUrl eq true', 0, '"profileUrl" is reference, so the value must be a quoted string'),
  resolve('meta.created gt "yesterday"', 0, 'must be an RFC 3339 date-time'),
  resolve('meta.created gt "2024-02-30T00:00:00Z"', 0, 'must be an RFC 3339 date-time'),
  resolve('meta.created gt "2024-01-01"', 0, 'must be an RFC 3339 date-time'),
  resolve('meta.created gt 20240101', 0, 'must be an RFC 3339 date-time'),
  resolve('userName gt null', 0, 'null can only be compared with "eq" or "ne", not "gt"'),
  resolve('emails[foo eq "x"]', 7, 'unknown sub-attribute "foo" of "emails"'),
  resolve('emails[type.x eq "work"]', 7, 'write a sub-attribute name of "emails"'),
  resolve('emails[type eq "work"].foo eq "x"', 23, 'unknown sub-attribute "foo" of "emails"'),
  resolve('emails[primary eq "yes"]', 7, '"emails.primary" is boolean'),
  resolve('name[givenName eq "x"]', 0, '"name" is not a multi-valued complex attribute'),
  resolve('userName[value eq "x"]', 0, '"userName" is not a multi-valued complex attribute'),
  resolve('password eq "secret"', 0, '"password" cannot be used in a filter'),
  resolve('urn:example:foo:2.0:User:userName eq "x"', 0, 'unknown schema "urn:example:foo:2.0:User"'),
  resolve(`${E}:userName eq "x"`, 0, `unknown attribute "${E}:userName"`),
  resolve('userName eq "x"', 0, 'unknown attribute "userName"', 'Group'),
  resolve(`${E}:employeeNumber eq "1"`, 0, 'unknown schema', 'Group'),
  resolve('members[display co 5]', 8, '"members.display" is string', 'Group'),
]);
