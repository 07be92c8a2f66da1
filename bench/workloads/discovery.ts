import { parseJson, send, type ScimTarget } from '../http/http-request.js';

/** What /ServiceProviderConfig says the server supports (RFC 7643 §5, RFC 9865 for cursors). */
export interface Discovery {
  readonly patch: boolean;
  readonly cursor: boolean;
  readonly bulk: boolean;
}

export async function discover(target: ScimTarget): Promise<Discovery> {
  const answer = await send(target, { method: 'GET', path: `${target.basePath}/ServiceProviderConfig` });
  const body = (parseJson(answer.text) ?? {}) as {
    patch?: { supported?: unknown };
    bulk?: { supported?: unknown };
    pagination?: { cursor?: unknown };
  };
  return {
    patch: body.patch?.supported === true,
    cursor: body.pagination?.cursor === true,
    bulk: body.bulk?.supported === true,
  };
}
