import type { FastifyRequest } from 'fastify';
import { InvalidValueError } from '../../core/errors.js';
import type { ScimContext } from '../../directory/scim/scim-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the SCIM authentication hook for every route under /scim/v2/:integrationId. */
    scimContext: ScimContext | undefined;
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
