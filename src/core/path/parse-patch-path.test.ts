import { describe, expect, it } from 'vitest';
import type { AttributePath } from './attribute-path.js';
import { parsePatchPath } from './parse-patch-path.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const p = (attribute: string, subAttribute?: string, schemaUrn?: string): AttributePath => ({
  kind: 'attributePath',
  schemaUrn,
  attribute,
  subAttribute,
});

describe('parsePatchPath', () => {
  it.each([
    ['userName', p('userName')],
    ['name.givenName', p('name', 'givenName')],
    [`${ENTERPRISE}:manager`, p('manager', undefined, ENTERPRISE)],
    [`${ENTERPRISE}:manager.value`, p('manager', 'value', ENTERPRISE)],
    [
      'members[value eq "2819c223"]',
      {
        kind: 'valuePath',
        path: p('members'),
        filter: { kind: 'compare', path: p('value'), op: 'eq', value: '2819c223' },
        subAttribute: undefined,
      },
    ],
    [
      'emails[type eq "work"].value',
      {
        kind: 'valuePath',
        path: p('emails'),
        filter: { kind: 'compare', path: p('type'), op: 'eq', value: 'work' },
        subAttribute: 'value',
      },
    ],
    [
      'addresses[type eq "work" and not (primary eq false)].streetAddress',
      {
        kind: 'valuePath',
        path: p('addresses'),
        filter: {
          kind: 'and',
          left: { kind: 'compare', path: p('type'), op: 'eq', value: 'work' },
          right: { kind: 'not', filter: { kind: 'compare', path: p('primary'), op: 'eq', value: false } },
        },
        subAttribute: 'streetAddress',
      },
    ],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:emails[value pr]',
      {
        kind: 'valuePath',
        path: p('emails', undefined, 'urn:ietf:params:scim:schemas:core:2.0:User'),
        filter: { kind: 'present', path: p('value') },
        subAttribute: undefined,
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parsePatchPath(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 0, 'the path is empty'],
    ['"userName"', 0, 'expected an attribute name at position 0'],
    ['name.givenName.x', 14, 'at most one sub-attribute'],
    ['userName eq "x"', 9, 'expected "[" or the end of the path at position 9 but found "eq"'],
    ['emails[type eq "work"', 6, '"[" at position 6 is never closed'],
    ['emails[]', 7, 'expected an attribute name, "not" or "("'],
    ['emails[type eq work]', 15, 'strings need double quotes'],
    [
      'emails[type eq "work"].',
      23,
      'expected a sub-attribute name after "]." at position 23 but found the end of the path',
    ],
    ['emails[type eq "work"].value.x', 23, 'expected a sub-attribute name after "]."'],
    ['emails[type eq "work"]x', 22, 'expected "." or the end of the path at position 22 but found "x"'],
    ['emails[type eq "work"].value[', 28, 'expected the end of the path at position 28 but found "["'],
    ['emails[type eq "work" and value[x pr]]', 31, 'value filters cannot be nested'],
    ['name.givenName[x pr]', 14, 'a value filter applies to an attribute, not to "name.givenName"'],
    ['emails[type eq "a\\x"]', 17, 'invalid escape'],
  ])('rejects %j at %i', (text, position, reason) => {
    const result = parsePatchPath(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.reason).toContain(reason);
  });
});
