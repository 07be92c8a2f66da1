import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CONSOLE_PREFIX = '/console';

/**
 * Security headers on every console response. The CSP allows scripts and styles from Roster itself
 * only (the build emits no inline script); `frame-ancestors 'none'` refuses framing (clickjacking);
 * the console talks to nothing but the admin API on the same origin.
 */
export const consoleSecurityHeaders = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The built console (dist/console) at /console: hashed assets cached for a year, and any other path
 * under /console answered with index.html so the single-page app's own router takes it (SPA fallback).
 */
export async function consolePlugin(app: FastifyInstance, options: { directory: string }): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(consoleSecurityHeaders);
  });
  await app.register(fastifyStatic, {
    root: options.directory,
    prefix: `${CONSOLE_PREFIX}/`,
    index: false,
    wildcard: false,
    setHeaders(response, path) {
      response.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    // A missing asset is a 404, not the page: a stale tab asking for an old bundle must not get HTML.
    if (request.url.startsWith(`${CONSOLE_PREFIX}/assets/`)) {
      return reply.code(404).type('text/plain').send('Not found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  app.get(CONSOLE_PREFIX, sendIndex);
  app.get(`${CONSOLE_PREFIX}/*`, sendIndex);
}
