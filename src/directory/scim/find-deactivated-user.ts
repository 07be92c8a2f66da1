import { compileFilter } from '../../core/protocol/list-request.js';
import type { JsonObject } from '../../core/resource/json.js';
import { userResourceType } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../ports.js';
import type { ScimContext } from './scim-context.js';

/**
 * Okta re-assigns a deactivated user with a new POST carrying the same externalId (and usually the same
 * userName); Entra re-provisions after a soft delete the same way. Such a POST should bring the user back
 * rather than fail with 409. This finds the deactivated user it refers to, by externalId first.
 */
export async function findDeactivatedUser(
  context: ScimContext,
  attributes: JsonObject,
): Promise<StoredResource | undefined> {
  const candidates: string[] = [];
  if (typeof attributes.externalId === 'string')
    candidates.push(`externalId eq ${JSON.stringify(attributes.externalId)}`);
  if (typeof attributes.userName === 'string')
    candidates.push(`userName eq ${JSON.stringify(attributes.userName)}`);
  for (const text of candidates) {
    const page = await context.store.scimResources.list(context.scope, 'User', {
      filter: compileFilter(userResourceType, `(${text}) and active eq false`),
      baseUrl: context.baseUrl,
      sort: undefined,
      page: { kind: 'offset', offset: 0, limit: 1 },
      withTotal: false,
    });
    const found = page.resources[0];
    if (found) return found;
  }
  return undefined;
}
