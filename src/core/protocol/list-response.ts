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
