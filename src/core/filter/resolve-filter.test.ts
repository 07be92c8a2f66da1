import { describe, expect, it } from 'vitest';
import {
  groupResourceType,
  userResourceType,
  type ResourceTypeDefinition,
} from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA } from '../schema/schema-urns.js';
import type { ResolvedFilter } from './filter-ast.js';
import { parseFilter, parseFilterWithPositions } from './parse-filter.js';
import { resolveFilter } from './resolve-filter.js';

function resolved(text: string, type: ResourceTypeDefinition = userResourceType): ResolvedFilter {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const result = resolveFilter(type, parsed.value);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

/** A compact picture of a resolved tree: canonical names, operators and values. */
function shape(node: ResolvedFilter): unknown {
  const name = (path: { attribute: { name: string }; subAttribute: { name: string } | undefined }) =>
    path.subAttribute === undefined
      ? path.attribute.name
      : `${path.attribute.name}.${path.subAttribute.name}`;
  switch (node.kind) {
    case 'and':
    case 'or':
      return [node.kind, shape(node.left), shape(node.right)];
    case 'not':
      return ['not', shape(node.filter)];
    case 'present':
      return [name(node.path), 'pr'];
    case 'compare':
      return [name(node.path), node.op, node.value];
    case 'valuePath':
      return [`${name(node.path)}[]`, shape(node.filter)];
  }
}

describe('resolveFilter', () => {
  it.each([
    ['USERNAME eq "x"', ['userName', 'eq', 'x']],
    ['Name.FamilyName co "x"', ['name.familyName', 'co', 'x']],
    ['emails co "@example.com"', ['emails.value', 'co', '@example.com']],
    ['emails eq "a@b.c"', ['emails.value', 'eq', 'a@b.c']],
    ['emails pr', ['emails', 'pr']],
    ['name pr', ['name', 'pr']],
    ['title eq null', ['not', ['title', 'pr']]],
    ['title ne null', ['title', 'pr']],
    ['name eq null', ['not', ['name', 'pr']]],
    ['emails ne null', ['emails', 'pr']],
    ['meta.created gt "2024-01-31T10:00:00+01:00"', ['meta.created', 'gt', '2024-01-31T09:00:00.000Z']],
    ['meta.lastModified eq "2024-01-31T09:00:00"', ['meta.lastModified', 'eq', '2024-01-31T09:00:00.000Z']],
    ['emails[TYPE eq "work"]', ['emails[]', ['emails.type', 'eq', 'work']]],
    [
      'emails[type eq "work"].value eq "x"',
      ['emails[]', ['and', ['emails.type', 'eq', 'work'], ['emails.value', 'eq', 'x']]],
    ],
    ['emails[not (primary eq true)]', ['emails[]', ['not', ['emails.primary', 'eq', true]]]],
    ['emails[value eq null]', ['emails[]', ['not', ['emails.value', 'pr']]]],
    ['employeeNumber sw "7"', ['employeeNumber', 'sw', '7']],
    ['x509Certificates.value co "MII"', ['x509Certificates.value', 'co', 'MII']],
    ['profileUrl gt "https://a"', ['profileUrl', 'gt', 'https://a']],
    ['id ge "a" or externalId le "b"', ['or', ['id', 'ge', 'a'], ['externalId', 'le', 'b']]],
  ])('resolves %s', (text, expected) => {
    expect(shape(resolved(text))).toEqual(expected);
  });

  it('marks extension paths with their schema, bare or qualified', () => {
    for (const text of ['department eq "x"', `${ENTERPRISE_USER_SCHEMA}:department eq "x"`]) {
      const node = resolved(text);
      expect(node.kind === 'compare' && node.path).toMatchObject({
        schemaUrn: ENTERPRISE_USER_SCHEMA,
        isExtension: true,
      });
    }
  });

  it('gives the paths inside a value filter the outer attribute and their own sub-attribute', () => {
    const node = resolved('emails[type eq "work"]');
    expect(node.kind).toBe('valuePath');
    if (node.kind !== 'valuePath' || node.filter.kind !== 'compare') return;
    expect(node.path.attribute.name).toBe('emails');
    expect(node.path.subAttribute).toBeUndefined();
    expect(node.filter.path.attribute).toBe(node.path.attribute);
    expect(node.filter.path.subAttribute?.name).toBe('type');
  });

  it('resolves Group filters against the Group schema', () => {
    expect(shape(resolved('members eq "u1"', groupResourceType))).toEqual(['members.value', 'eq', 'u1']);
  });

  it('reports the position of the offending path when given the parser positions', () => {
    const parsed = parseFilterWithPositions('userName pr and emails[type eq "x" or bogus pr]');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(resolveFilter(userResourceType, parsed.value.filter, parsed.value.positions)).toEqual({
      ok: false,
      error: { reason: 'unknown sub-attribute "bogus" of "emails"', position: 38 },
    });
    expect(resolveFilter(userResourceType, parsed.value.filter)).toEqual({
      ok: false,
      error: { reason: 'unknown sub-attribute "bogus" of "emails"' },
    });
  });

  it('refuses a nested value path built by hand', () => {
    const emails = {
      kind: 'attributePath',
      schemaUrn: undefined,
      attribute: 'emails',
      subAttribute: undefined,
    } as const;
    const inner = { kind: 'present', path: { ...emails, attribute: 'value' } } as const;
    const nested = {
      kind: 'valuePath',
      path: emails,
      filter: { kind: 'valuePath', path: emails, filter: inner },
    } as const;
    const result = resolveFilter(userResourceType, nested);
    expect(!result.ok && result.error.reason).toBe('value filters cannot be nested');
  });
});
