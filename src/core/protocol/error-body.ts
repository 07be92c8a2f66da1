import type { ScimError } from '../errors.js';
import { ERROR_SCHEMA } from '../schema/schema-urns.js';
import type { JsonObject } from '../resource/json.js';

/** RFC 7644 §3.12: status is a string in the body. */
export function errorBody(error: Pick<ScimError, 'status' | 'scimType' | 'message'>): JsonObject {
  const body: JsonObject = { schemas: [ERROR_SCHEMA], status: String(error.status), detail: error.message };
  if (error.scimType) body.scimType = error.scimType;
  return body;
}
