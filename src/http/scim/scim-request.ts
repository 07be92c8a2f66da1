import type { FastifyRequest } from 'fastify';
import { InvalidValueError } from '../../core/errors.js';
import type { ListParameters } from '../../core/protocol/list-request.js';
import { parseProjection, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { IntegrationOAuth } from '../../directory/model/integration.js';
import { resourceTypeOf, type ScimContext } from '../../directory/scim/scim-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A SCIM route that reads one user, by its `:id` or by a `userName eq` filter: read with the credential (scim-plugin.ts). */
    readsUser?: 'byId' | 'byFilter';
  }
  interface FastifyRequest {
    /** Set by the SCIM authentication hook for every route under /scim/v2/:integrationId. */
    scimContext: ScimContext | undefined;
    /** The integration's OAuth access-token settings (for /ServiceProviderConfig); null: static token only. */
    scimOAuth: IntegrationOAuth | null;
  }
}

export function scimContextOf(request: FastifyRequest): ScimContext {
  const context = request.scimContext;
  if (!context) throw new Error('SCIM route reached without authentication');
  return context;
}

type Query = Record<string, string | string[] | undefined>;

/** Query parameter names are matched case-insensitively; clients differ (`startindex`, `Count`). */
export function queryParameter(request: FastifyRequest, name: string): string | undefined {
  const query = (request.query ?? {}) as Query;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(query)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[value.length - 1] : value;
  }
  return undefined;
}

export function integerParameter(request: FastifyRequest, name: string): number | undefined {
  const text = queryParameter(request, name);
  if (text === undefined || text === '') return undefined;
  if (!/^[+-]?\d{1,15}$/.test(text.trim())) {
    throw new InvalidValueError(`Query parameter "${name}" must be an integer; got ${JSON.stringify(text)}.`);
  }
  return Number(text);
}

/** The RFC 7644 §3.4.2 query parameters of a GET list. */
export function listParameters(request: FastifyRequest): ListParameters {
  return {
    filter: queryParameter(request, 'filter'),
    sortBy: queryParameter(request, 'sortBy'),
    sortOrder: queryParameter(request, 'sortOrder'),
    startIndex: integerParameter(request, 'startIndex'),
    count: integerParameter(request, 'count'),
    cursor: queryParameter(request, 'cursor'),
    attributes: queryParameter(request, 'attributes'),
    excludedAttributes: queryParameter(request, 'excludedAttributes'),
  };
}

/** RFC 7644 §3.9: `attributes` / `excludedAttributes` also shape single-resource responses. */
export function projectionParameter(request: FastifyRequest, typeName: ResourceTypeName): Projection {
  return parseProjection(
    resourceTypeOf(scimContextOf(request), typeName),
    queryParameter(request, 'attributes'),
    queryParameter(request, 'excludedAttributes'),
    scimContextOf(request).settings.inputLimits.maxAttributeNames,
  );
}

/**
 * RFC 7644 §3.5.2: a PATCH answers 200 with the entire resource, or 204 with none. A group answers 204
 * unless the client asks for a representation (`attributes`/`excludedAttributes`, or RFC 7240
 * `Prefer: return=representation`), so adding one member never reads 100,000; a user answers 200 unless
 * it prefers `return=minimal`. Returns the projection to show, or null for 204.
 */
export function patchResponseProjection(
  request: FastifyRequest,
  typeName: ResourceTypeName,
): Projection | null {
  const prefer = String(request.headers.prefer ?? '');
  if (/\breturn=minimal\b/i.test(prefer)) return null;
  const asked =
    queryParameter(request, 'attributes') !== undefined ||
    queryParameter(request, 'excludedAttributes') !== undefined ||
    /\breturn=representation\b/i.test(prefer);
  if (typeName === 'Group' && !asked) return null;
  return projectionParameter(request, typeName);
}
