import { InvalidValueError, ScimError } from '../../core/errors.js';
import { parseListRequest, type ListParameters, type ListRequest } from '../../core/protocol/list-request.js';
import { listResponse } from '../../core/protocol/list-response.js';
import type { JsonObject } from '../../core/resource/json.js';
import { resourceTypes } from '../../core/schema/resource-types.js';
import { representResource } from './get-resource.js';
import { filterOptionsOf, type ScimContext } from './scim-context.js';
import { checkFilterBudget } from './check-filter-budget.js';

/**
 * RFC 7644 §3.4.3: a search at the service root spans every resource type. Results come type by type
 * (Users, then Groups), each in its own order, paged by index across the whole. A filter naming an
 * attribute one type lacks simply matches nothing of that type.
 */
export async function searchAllResources(
  context: ScimContext,
  parameters: ListParameters,
): Promise<JsonObject> {
  if (parameters.cursor !== undefined) {
    throw new InvalidValueError(
      'Cursor pagination is available per resource type (/Users/.search, /Groups/.search).',
    );
  }
  const requests: { name: 'User' | 'Group'; request: ListRequest | undefined }[] = [];
  let lastError: ScimError | undefined;
  for (const type of resourceTypes) {
    try {
      requests.push({
        name: type.name,
        request: parseListRequest(
          type,
          parameters,
          context.settings.pageLimits,
          filterOptionsOf(context),
          context.settings.inputLimits,
        ),
      });
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      lastError = error;
      requests.push({ name: type.name, request: undefined });
    }
  }
  // A filter or sort valid for no resource type at all is the client's mistake.
  if (requests.every((r) => r.request === undefined) && lastError) throw lastError;

  // Every type's query is priced before any runs: a search is refused whole, never half-answered.
  for (const { name, request } of requests)
    if (request) await checkFilterBudget(context, name, request.filter);
  const first = requests.find((r) => r.request)?.request;
  const pagination = first?.pagination;
  if (!pagination || pagination.kind !== 'index') throw new InvalidValueError('Invalid search request.');
  let skip = pagination.startIndex - 1;
  let remaining = pagination.count;
  let totalResults = 0;
  const resources: JsonObject[] = [];
  for (const { name, request } of requests) {
    if (!request) continue;
    const page = await context.store.scimResources.list(context.scope, name, {
      filter: request.filter,
      baseUrl: context.baseUrl,
      sort: request.sort,
      page: { kind: 'offset', offset: skip, limit: remaining },
      withTotal: true,
    });
    const total = page.totalResults ?? 0;
    totalResults += total;
    skip = Math.max(0, skip - total);
    remaining -= page.resources.length;
    for (const stored of page.resources)
      resources.push(await representResource(context, stored, request.projection));
  }
  return listResponse(resources, totalResults, pagination.startIndex);
}
