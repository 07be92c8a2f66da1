import { LIST_RESPONSE_SCHEMA } from '../schema/schema-urns.js';
import type { JsonObject } from '../resource/json.js';

/** RFC 7644 §3.4.2: the three counters are always integers (Okta rejects strings). */
export function listResponse(
  resources: readonly JsonObject[],
  totalResults: number,
  startIndex: number,
): JsonObject {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  };
}

/** RFC 9865 §2: nextCursor is absent only on the last page; previousCursor is optional. */
export function cursorListResponse(
  resources: readonly JsonObject[],
  totalResults: number | undefined,
  cursors: { readonly next: string | undefined; readonly previous: string | undefined },
): JsonObject {
  const body: JsonObject = { schemas: [LIST_RESPONSE_SCHEMA] };
  if (totalResults !== undefined) body.totalResults = totalResults;
  body.itemsPerPage = resources.length;
  if (cursors.previous !== undefined) body.previousCursor = cursors.previous;
  if (cursors.next !== undefined) body.nextCursor = cursors.next;
  body.Resources = resources;
  return body;
}
