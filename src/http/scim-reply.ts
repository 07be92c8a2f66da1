import type { FastifyReply } from 'fastify';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** Every SCIM response is application/scim+json (RFC 7644 §3.1). */
export function sendScim(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('content-type', SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}
