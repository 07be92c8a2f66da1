import { describe, expect, it } from 'vitest';
import { parseAttributePath } from './parse-attribute-path.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parseAttributePath', () => {
  it.each([
    ['userName', undefined, 'userName', undefined],
    ['name.givenName', undefined, 'name', 'givenName'],
    ['members.$ref', undefined, 'members', '$ref'],
    ['$ref', undefined, '$ref', undefined],
    ['x509Certificates', undefined, 'x509Certificates', undefined],
    ['a-b_c9', undefined, 'a-b_c9', undefined],
    ['USERNAME', undefined, 'USERNAME', undefined],
    [`${ENTERPRISE}:employeeNumber`, ENTERPRISE, 'employeeNumber', undefined],
    [`${ENTERPRISE}:manager.value`, ENTERPRISE, 'manager', 'value'],
    [`${CORE}:name.givenName`, CORE, 'name', 'givenName'],
    [
      'URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:userName',
      'URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER',
      'userName',
      undefined,
    ],
    ['urn:okta:custom_1:user:costCode', 'urn:okta:custom_1:user', 'costCode', undefined],
  ])('parses %s', (text, schemaUrn, attribute, subAttribute) => {
    expect(parseAttributePath(text)).toEqual({
      ok: true,
      value: { kind: 'attributePath', schemaUrn, attribute, subAttribute },
    });
  });

  it.each([
    ['', 0, 'expected an attribute name at position 0'],
    ['1abc', 0, '"1abc" is not an attribute name'],
    ['_abc', 0, '"_abc" is not an attribute name'],
    ['name.', 5, 'expected an attribute name at position 5'],
    ['.name', 0, 'expected an attribute name at position 0'],
    ['name.given name', 5, '"given name" is not an attribute name'],
    ['name.givenName.x', 14, 'at most one sub-attribute'],
    ['a..b', 2, 'at most one sub-attribute'],
    ['$foo', 0, '"$foo" is not an attribute name'],
    ['foo:bar', 0, '"foo" is not a schema URN'],
    ['urn:x', 0, '"urn" is not a schema URN'],
    [`${ENTERPRISE}:`, 59, `expected an attribute name after "${ENTERPRISE}:" at position 59`],
    [`${CORE}:name.1`, 48, '"1" is not an attribute name'],
  ])('rejects %j at %i', (text, position, reason) => {
    const result = parseAttributePath(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.reason).toContain(reason);
  });

  it('reports positions relative to the enclosing text when given an offset', () => {
    expect(parseAttributePath('name.1', 10)).toEqual({
      ok: false,
      error: {
        position: 15,
        reason: '"1" is not an attribute name (a letter, then letters, digits, "-" or "_") at position 15',
      },
    });
  });
});
