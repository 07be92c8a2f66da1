import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/resource/canonical-json.js';
import type { JsonObject } from '../../core/resource/json.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';

/**
 * Identifies a create request by what it asks for (the validated body, key order aside), so a client
 * that re-sends a POST whose answer it never received is recognised: Entra ID retries a create that
 * timed out. Two requests that differ in anything are different requests.
 */
export function createRequestHash(type: ResourceTypeName, attributes: JsonObject): string {
  return createHash('sha256').update(type).update('\n').update(canonicalJson(attributes)).digest('base64url');
}
