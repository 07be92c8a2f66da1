import fc from 'fast-check';
import { userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA as ENTERPRISE } from '../schema/schema-urns.js';
import type { JsonObject } from './json.js';

const enterprise = userResourceType.extensions.find((e) => e.schema.id === ENTERPRISE);
if (enterprise === undefined) throw new Error('the User type carries the enterprise extension');

const topNames = [
  ...userResourceType.schema.attributes.map((a) => a.name),
  'externalId',
  'id',
  'meta',
  'schemas',
  'notAnAttribute',
  'USERNAME',
];
const extensionNames = [...enterprise.schema.attributes.map((a) => a.name), 'notAnAttribute'];

const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.record({ value: fc.string(), type: fc.constantFrom('work', 'home') }), { maxLength: 2 }),
);
/** Objects with keys in any order, including ones projection drops or rebuilds. */
const extensionValue = fc
  .uniqueArray(fc.constantFrom(...extensionNames), { maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(() => value)).map((values) => entriesOf(names, values)));
/**
 * User attributes as a store could hold them, keys in any order: schema attributes, common ones, the
 * enterprise extension (its sub-attributes in any order), names no schema defines, values of any type.
 */
export const userAttributes = fc
  .uniqueArray(fc.constantFrom(...topNames, ENTERPRISE), { maxLength: 8 })
  .chain((names) =>
    fc
      .tuple(...names.map((name) => (name === ENTERPRISE ? fc.oneof(extensionValue, value) : value)))
      .map((values) => entriesOf(names, values)),
  );

function entriesOf(names: readonly string[], values: readonly unknown[]): JsonObject {
  const out: JsonObject = {};
  names.forEach((name, i) => {
    out[name] = values[i];
  });
  return out;
}
