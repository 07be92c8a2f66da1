import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../core/errors.js';

const SCIM_PREFIX = '/scim/v2/';
const DOCS_PREFIX = '/api/docs';
const ADMIN_API_PREFIX = '/api/v1/';

// The reference page (swagger-ui) loads its scripts and styles from this server and sets inline styles;
// it fetches the OpenAPI document from here too. Nothing may frame it (clickjacking).
const DOCS_CSP =
  "default-src 'self'; base-uri 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; " +
  "script-src-attr 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
// JSON answers are never documents to render.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const pathOf = (url: string) => {
  const mark = url.indexOf('?');
  return mark < 0 ? url : url.slice(0, mark);
};

/**
 * Headers of every response outside SCIM (admin API, reference page, probes): no MIME sniffing, no
 * framing, no referrer, a CSP. SCIM responses are left as they are: their clients are IdPs, not
 * browsers, and the SCIM hot path stays lean. Admin API answers may carry a token or key (integration
 * create and rotate, admin key create, sign-in sessions), so none is stored by a cache (RFC 9111 §5.2.2.5).
 */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const path = pathOf(request.url);
  if (path.startsWith(SCIM_PREFIX)) return;
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  if (!reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', path.startsWith(DOCS_PREFIX) ? DOCS_CSP : API_CSP);
  }
  if (path.startsWith(ADMIN_API_PREFIX)) reply.header('cache-control', 'no-store');
}

/**
 * RFC 6750 §2.3 lets a server refuse a token sent in the query; Roster does, everywhere: such a URL
 * ends up in proxy logs and browser history. The request is refused before any authentication, and
 * the logged URL has the value redacted (redact-url.ts).
 */
export function refuseQueryToken(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && Object.hasOwn(query, 'access_token')) {
    throw new UnauthorizedError(
      'A token in the URL (access_token) is refused: send it as Authorization: Bearer <token> (RFC 6750 §2.1).',
    );
  }
}
