import { InvalidValueError, NotFoundError, ScimError } from '../../core/errors.js';
import {
  bulkIdReferences,
  parseBulkRequest,
  substituteBulkIds,
  type BulkOperation,
} from '../../core/protocol/bulk-request.js';
import { errorBody } from '../../core/protocol/error-body.js';
import { parseEntityTags } from '../../core/protocol/entity-tag.js';
import type { JsonObject } from '../../core/resource/json.js';
import { weakETag } from '../../core/resource/scim-resource.js';
import { BULK_RESPONSE_SCHEMA } from '../../core/schema/schema-urns.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { createResource } from './create-resource.js';
import { deleteResource } from './delete-resource.js';
import { patchResource } from './patch-resource.js';
import { replaceResource } from './replace-resource.js';
import type { ScimContext } from './scim-context.js';

interface OperationResult {
  readonly status: number;
  readonly location?: string;
  readonly version?: string;
  readonly createdId?: string;
  readonly error?: ScimError;
}

/**
 * RFC 7644 §3.7: runs each operation through the same use cases as single requests, in an order
 * that resolves `bulkId` references (forward references included). Each operation is atomic on its
 * own; `failOnErrors` stops processing after that many failures.
 */
export async function processBulk(
  context: ScimContext,
  body: unknown,
  maxOperations: number,
): Promise<JsonObject> {
  const request = parseBulkRequest(body, maxOperations);
  const byBulkId = new Map<string, BulkOperation>();
  for (const operation of request.operations) {
    if (operation.bulkId === undefined) continue;
    if (byBulkId.has(operation.bulkId))
      throw new InvalidValueError(`bulkId "${operation.bulkId}" is used twice.`);
    byBulkId.set(operation.bulkId, operation);
  }
  const references = new Map(request.operations.map((op) => [op.index, bulkIdReferences(op)]));
  const createdIds = new Map<string, string>();
  const failed = new Set<string>();
  const results = new Map<number, OperationResult>();
  let pending = [...request.operations];
  let errors = 0;

  const record = (operation: BulkOperation, result: OperationResult) => {
    results.set(operation.index, result);
    if (result.error) {
      errors++;
      if (operation.bulkId) failed.add(operation.bulkId);
    } else if (operation.bulkId && result.createdId) {
      createdIds.set(operation.bulkId, result.createdId);
    }
  };

  while (pending.length > 0 && (request.failOnErrors === undefined || errors < request.failOnErrors)) {
    const ready = pending.find((op) => [...(references.get(op.index) ?? [])].every((id) => isSettled(id)));
    if (!ready) {
      // Nothing can run: the rest wait on each other (a cycle) or on bulkIds no operation defines.
      for (const operation of pending) {
        const unknown = [...(references.get(operation.index) ?? [])].filter((id) => !byBulkId.has(id));
        record(
          operation,
          unknown.length > 0
            ? {
                status: 400,
                error: new InvalidValueError(`Unknown bulkId reference "bulkId:${unknown[0]}".`),
              }
            : {
                status: 409,
                error: new ScimError(
                  409,
                  'bulk_circular_reference',
                  'Circular bulkId references cannot be resolved.',
                ),
              },
        );
      }
      break;
    }
    pending = pending.filter((op) => op !== ready);
    const blockedBy = [...(references.get(ready.index) ?? [])].find((id) => failed.has(id));
    if (blockedBy !== undefined) {
      record(ready, {
        status: 409,
        error: new ScimError(
          409,
          'bulk_reference_failed',
          `Operation "bulkId:${blockedBy}" failed, so this one cannot run.`,
        ),
      });
      continue;
    }
    record(ready, await runOperation(context, substituteBulkIds(ready, createdIds)));
  }

  function isSettled(bulkId: string): boolean {
    return createdIds.has(bulkId) || failed.has(bulkId);
  }

  // Operations are reported in request order; those never reached (failOnErrors) are left out.
  const operations = request.operations
    .filter((op) => results.has(op.index))
    .map((op) => {
      const result = results.get(op.index) as OperationResult;
      const out: JsonObject = { method: op.method };
      if (op.bulkId !== undefined) out.bulkId = op.bulkId;
      if (result.version !== undefined) out.version = result.version;
      if (result.location !== undefined) out.location = result.location;
      out.status = String(result.status);
      if (result.error) out.response = errorBody(result.error);
      return out;
    });
  return { schemas: [BULK_RESPONSE_SCHEMA], Operations: operations };
}

function target(path: string): { type: ResourceTypeName; id: string | undefined } | undefined {
  const match = /^\/(Users|Groups)(?:\/([^/]+))?\/?$/.exec(path);
  if (!match) return undefined;
  return { type: match[1] === 'Users' ? 'User' : 'Group', id: match[2] };
}

async function runOperation(context: ScimContext, operation: BulkOperation): Promise<OperationResult> {
  try {
    const resolved = target(operation.path);
    if (!resolved) throw new InvalidValueError(`Unsupported bulk path "${operation.path}".`);
    const { type, id } = resolved;
    const endpoint = type === 'User' ? 'Users' : 'Groups';
    const ifMatch = parseEntityTags(operation.version);
    if (operation.method === 'POST') {
      if (id !== undefined) throw new InvalidValueError(`POST goes to "/${endpoint}", not to a resource.`);
      const { stored } = await createResource(context, type, operation.data);
      return result(201, context, endpoint, stored.id, stored.version, stored.id);
    }
    if (id === undefined)
      throw new NotFoundError(`${operation.method} needs a resource path such as "/${endpoint}/{id}".`);
    if (operation.method === 'DELETE') {
      await deleteResource(context, type, id, ifMatch);
      return { status: 204 };
    }
    const { stored } =
      operation.method === 'PUT'
        ? await replaceResource(context, type, id, operation.data, undefined, ifMatch)
        : await patchResource(context, type, id, operation.data, null, ifMatch);
    return result(200, context, endpoint, stored.id, stored.version);
  } catch (error) {
    if (error instanceof ScimError) return { status: error.status, error };
    throw error;
  }
}

function result(
  status: number,
  context: ScimContext,
  endpoint: string,
  id: string,
  version: number,
  createdId?: string,
): OperationResult {
  return {
    status,
    location: `${context.baseUrl}/${endpoint}/${id}`,
    version: weakETag(version),
    ...(createdId === undefined ? {} : { createdId }),
  };
}
