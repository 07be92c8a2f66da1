import type { FastifyReply } from 'fastify';
import { JsonText } from '../core/resource/json-text.js';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/**
 * SCIM responses are application/scim+json (RFC 7644 §3.1), except to a client that accepts only
 * application/json (RFC 7644 §3.8 says servers SHOULD support it; OneLogin requires it). A body given
 * as JsonText is already JSON.
 */
export function sendScim(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', contentTypeFor(reply.request.headers.accept))
    .send(body instanceof JsonText ? body.text : JSON.stringify(body));
}

function contentTypeFor(accept: string | undefined): string {
  if (!accept) return SCIM_CONTENT_TYPE;
  const wanted = accept.toLowerCase();
  if (
    wanted.includes('application/scim+json') ||
    wanted.includes('*/*') ||
    !wanted.includes('application/json')
  ) {
    return SCIM_CONTENT_TYPE;
  }
  return 'application/json; charset=utf-8';
}
