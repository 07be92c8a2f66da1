import { describe, expect, it } from 'vitest';
import { groupResourceType, userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../schema/schema-urns.js';
import type { AttributePath } from './attribute-path.js';
import { parseAttributePath } from './parse-attribute-path.js';
import { resolvePath, resolveRelativePath } from './resolve-path.js';

function parsed(text: string): AttributePath {
  const result = parseAttributePath(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

describe('resolvePath', () => {
  it.each([
    ['userName', USER_SCHEMA, false, 'userName', undefined],
    ['USERNAME', USER_SCHEMA, false, 'userName', undefined],
    ['name.GIVENNAME', USER_SCHEMA, false, 'name', 'givenName'],
    ['id', USER_SCHEMA, false, 'id', undefined],
    ['meta.lastModified', USER_SCHEMA, false, 'meta', 'lastModified'],
    [`${USER_SCHEMA}:meta.created`, USER_SCHEMA, false, 'meta', 'created'],
    [`${USER_SCHEMA}:emails.value`, USER_SCHEMA, false, 'emails', 'value'],
    ['groups.$ref', USER_SCHEMA, false, 'groups', '$ref'],
    ['employeeNumber', ENTERPRISE_USER_SCHEMA, true, 'employeeNumber', undefined],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value`, ENTERPRISE_USER_SCHEMA, true, 'manager', 'value'],
    [
      `${ENTERPRISE_USER_SCHEMA.toLowerCase()}:Department`,
      ENTERPRISE_USER_SCHEMA,
      true,
      'department',
      undefined,
    ],
  ])('resolves %s on User', (text, schemaUrn, isExtension, attribute, subAttribute) => {
    const result = resolvePath(userResourceType, parsed(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.schemaUrn).toBe(schemaUrn);
    expect(result.value.isExtension).toBe(isExtension);
    expect(result.value.attribute.name).toBe(attribute);
    expect(result.value.subAttribute?.name).toBe(subAttribute);
  });

  it('resolves Group paths against the Group schema', () => {
    const result = resolvePath(groupResourceType, parsed(`${GROUP_SCHEMA}:members.value`));
    expect(result.ok && result.value.subAttribute?.caseExact).toBe(true);
  });

  it.each([
    ['User', 'fooBar', 'unknown attribute "fooBar"'],
    ['User', 'name.middle', 'unknown sub-attribute "middle" of "name"'],
    ['User', 'userName.x', '"userName" is not a complex attribute, so it has no sub-attribute "x"'],
    [
      'User',
      'urn:example:custom:2.0:User:userName',
      'unknown schema "urn:example:custom:2.0:User" for User resources',
    ],
    ['User', `${ENTERPRISE_USER_SCHEMA}:userName`, `unknown attribute "${ENTERPRISE_USER_SCHEMA}:userName"`],
    ['User', `${USER_SCHEMA}:employeeNumber`, `unknown attribute "${USER_SCHEMA}:employeeNumber"`],
    ['Group', 'userName', 'unknown attribute "userName"'],
    ['Group', 'employeeNumber', 'unknown attribute "employeeNumber"'],
    ['Group', `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, 'unknown schema'],
  ])('on %s rejects %s', (type, text, reason) => {
    const result = resolvePath(type === 'User' ? userResourceType : groupResourceType, parsed(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe('resolveRelativePath', () => {
  const emails = resolvePath(userResourceType, parsed('emails'));
  if (!emails.ok) throw new Error(emails.error);

  it('binds a name inside emails[…] to the sub-attribute, keeping the outer attribute', () => {
    const result = resolveRelativePath(emails.value, parsed('TYPE'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.attribute.name).toBe('emails');
    expect(result.value.subAttribute?.name).toBe('type');
  });

  it.each([
    ['foo', 'unknown sub-attribute "foo" of "emails"'],
    ['type.x', 'not "type.x"'],
    [`${USER_SCHEMA}:type`, 'write a sub-attribute name of "emails"'],
  ])('rejects %s', (text, reason) => {
    const result = resolveRelativePath(emails.value, parsed(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
