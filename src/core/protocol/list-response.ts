import { LIST_RESPONSE_SCHEMA } from '../schema/schema-urns.js';
import type { JsonObject } from '../resource/json.js';
import { JsonText } from '../resource/json-text.js';

/** RFC 7644 §3.4.2: the three counters are always integers (Okta rejects strings). */
export function listResponse(
  resources: readonly (JsonObject | string)[],
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
  resources: readonly (JsonObject | string)[],
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

/**
 * The text of a list response (from `listResponse` or `cursorListResponse`) whose resources are JSON
 * text already: the envelope serialised with no resources, the texts put in as they are.
 */
export function listResponseText(response: JsonObject): JsonText {
  const resources = response.Resources;
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string'))
    throw new Error('A list response as text needs its resources as JSON text.');
  // `Resources` is the last member of both envelopes, so its empty array closes the text.
  const empty = JSON.stringify({ ...response, Resources: [] });
  if (!empty.endsWith('"Resources":[]}')) throw new Error('A list envelope must end with its Resources.');
  return new JsonText(`${empty.slice(0, -2)}${resources.join(',')}]}`);
}
