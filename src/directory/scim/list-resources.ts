import { InvalidFilterError } from '../../core/errors.js';
import type { ResolvedFilter } from '../../core/filter/filter-ast.js';
import { parseFilter } from '../../core/filter/parse-filter.js';
import { resolveFilter } from '../../core/filter/resolve-filter.js';
import type { JsonObject } from '../../core/resource/json.js';
import { listResponse } from '../../core/protocol/list-response.js';
import { resourceTypeNamed, type ResourceTypeName } from '../../core/schema/resource-types.js';
import { readResource } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

export interface ListRequest {
  readonly filter: string | undefined;
  readonly startIndex: number | undefined;
  readonly count: number | undefined;
}

export interface PageLimits {
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

/** RFC 7644 §3.4.2: filtered, index-paginated list. */
export async function listResources(
  context: ScimContext,
  typeName: ResourceTypeName,
  request: ListRequest,
  limits: PageLimits,
): Promise<JsonObject> {
  const filter = request.filter === undefined ? undefined : compileFilter(typeName, request.filter);
  // RFC 7644 §3.4.2.4: startIndex below 1 is 1; a negative count is 0; above the maximum it is clamped.
  const startIndex = Math.max(1, Math.trunc(request.startIndex ?? 1));
  const count = Math.min(
    limits.maxPageSize,
    Math.max(0, Math.trunc(request.count ?? limits.defaultPageSize)),
  );
  const page = await context.store.scimResources.list(context.scope, typeName, {
    filter,
    baseUrl: context.baseUrl,
    startIndex,
    count,
  });
  const resources: JsonObject[] = [];
  for (const stored of page.resources) resources.push(await readResource(context, stored));
  return listResponse(resources, page.totalResults, startIndex);
}

export function compileFilter(typeName: ResourceTypeName, text: string): ResolvedFilter {
  const parsed = parseFilter(text);
  if (!parsed.ok) {
    throw new InvalidFilterError(
      `Invalid filter at position ${parsed.error.position}: ${parsed.error.reason}`,
    );
  }
  const resolved = resolveFilter(resourceTypeNamed(typeName), parsed.value);
  if (!resolved.ok) throw new InvalidFilterError(`Invalid filter: ${resolved.error.reason}`);
  return resolved.value;
}
