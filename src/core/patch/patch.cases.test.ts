import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import type { ResolvedFilter } from '../filter/filter-ast.js';
import { coerceResource } from '../resource/coerce-resource.js';
import { resourceTypeNamed } from '../schema/resource-types.js';
import { applyPatch } from './apply-patch.js';
import { deepFreeze } from './deep-freeze.support.js';
import { cloneJson } from './json-value.js';
import { parsePatchRequest } from './parse-patch-request.js';
import { patchBody } from './patch.fixtures.js';
import { patchCases, type PatchCase } from './patch.cases.js';
import type { MemberChanges } from './patch-operation.js';

function run(row: PatchCase) {
  const type = resourceTypeNamed(row.type);
  const before = deepFreeze(cloneJson(row.before));
  const body = deepFreeze(cloneJson(row.body ?? patchBody(row.operations)));
  return { before, result: () => applyPatch(type, before, parsePatchRequest(type, body)) };
}

describe('PATCH table', () => {
  it('has at least 120 rows, with unique names', () => {
    expect(patchCases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(patchCases.map((row) => row.name)).size).toBe(patchCases.length);
  });

  it('covers every error type', () => {
    const types = new Set(patchCases.map((row) => row.error?.scimType).filter((t) => t !== undefined));
    for (const scimType of [
      'noTarget',
      'invalidPath',
      'mutability',
      'invalidValue',
      'invalidSyntax',
      'invalidFilter',
    ]) {
      expect(types).toContain(scimType);
    }
  });

  it.each(patchCases.filter((row) => row.error === undefined))('$type: $name', (row) => {
    const { before, result } = run(row);
    const { resource, memberChanges } = result();
    expect(resource).toEqual(row.after);
    expect(summarise(memberChanges)).toEqual({
      add: [],
      remove: [],
      replaceAll: undefined,
      removeAll: false,
      removeWhere: undefined,
      ...row.memberChanges,
    });
    expect(before).toEqual(row.before);
    expect(resource).not.toBe(before);
    // The result is still a valid stored resource: re-validating it changes nothing.
    expect(coerceResource(resourceTypeNamed(row.type), resource)).toEqual(resource);
  });

  it.each(patchCases.filter((row) => row.error !== undefined))('$type fails: $name', (row) => {
    const { before, result } = run(row);
    let caught: unknown;
    try {
      result();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).scimType).toBe(row.error?.scimType);
    expect((caught as ScimError).status).toBe(400);
    expect(before).toEqual(row.before);
  });
});

function summarise(changes: MemberChanges) {
  return { ...changes, removeWhere: changes.removeWhere && describeMemberFilter(changes.removeWhere) };
}

/** `type eq "Group"`, `(a or b)`: enough to pin the filter handed to the caller. */
function describeMemberFilter(filter: ResolvedFilter): string {
  switch (filter.kind) {
    case 'compare':
      return `${filter.path.subAttribute?.name ?? filter.path.attribute.name} ${filter.op} ${JSON.stringify(filter.value)}`;
    case 'present':
      return `${filter.path.subAttribute?.name ?? filter.path.attribute.name} pr`;
    case 'and':
    case 'or':
      return `(${describeMemberFilter(filter.left)} ${filter.kind} ${describeMemberFilter(filter.right)})`;
    case 'not':
      return `not (${describeMemberFilter(filter.filter)})`;
    case 'valuePath':
      return `${filter.path.attribute.name}[${describeMemberFilter(filter.filter)}]`;
  }
}
