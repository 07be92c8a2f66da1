import { PreconditionFailedError } from '../../core/errors.js';
import { entityTagMatches, type EntityTagCondition } from '../../core/protocol/entity-tag.js';
import type { StoredResource } from '../model/scim-resource.js';

/**
 * RFC 7644 §3.14 / RFC 7232 §3.1: with If-Match, a write applies only to the version the client saw.
 * Returns the version the write must still find (so the check and the write are one atomic step), or
 * undefined when the request is unconditional.
 */
export function versionRequiredBy(
  ifMatch: EntityTagCondition | undefined,
  current: StoredResource,
): number | undefined {
  if (ifMatch === undefined) return undefined;
  if (!entityTagMatches(ifMatch, current.version)) {
    throw new PreconditionFailedError(
      `The resource has changed: it is at version W/"${current.version}", not the one in If-Match.`,
    );
  }
  return current.version;
}

export function changedMeanwhile(): PreconditionFailedError {
  return new PreconditionFailedError(
    'The resource changed while this request was applied; read it and retry.',
  );
}
