import { UniquenessError } from '../../core/errors.js';
import { isPlainObject, type JsonObject } from '../../core/resource/json.js';
import type { ResourceTypeDefinition } from '../../core/schema/resource-types.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * RFC 7643 §2.2 uniqueness "server" for custom extension attributes, per integration (as userName is):
 * a value another live resource of the integration holds is refused with 409 `uniqueness`. Built-in
 * attributes are held by constraints; only attributes whose value changed are looked up, so a write
 * that leaves them alone costs no statement.
 */
export async function checkExtensionUniqueness(
  store: DirectoryStore,
  scope: IntegrationScope,
  type: ResourceTypeDefinition,
  id: string,
  attributes: JsonObject,
  previous: JsonObject | undefined,
): Promise<void> {
  for (const extension of type.extensions) {
    const urn = extension.schema.id;
    const values = attributes[urn];
    if (!isPlainObject(values)) continue;
    const before = previous?.[urn];
    for (const definition of extension.schema.attributes) {
      if (definition.uniqueness === 'none' || definition.multiValued || definition.type === 'complex')
        continue;
      const value = values[definition.name];
      if (value === undefined || value === null) continue;
      if (isPlainObject(before) && before[definition.name] === value) continue;
      const text = String(value);
      const holder = await store.scimResources.otherWithValue(
        scope,
        type.name,
        [urn, definition.name],
        text,
        definition.caseExact,
        id,
      );
      if (holder !== undefined) {
        throw new UniquenessError(`${urn}:${definition.name} ${JSON.stringify(text)} is already taken.`);
      }
    }
  }
}
