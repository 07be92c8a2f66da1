import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONSOLE_COOKIE = 'roster_console';
export const CSRF_HEADER = 'x-roster-csrf';

/** The session cookie's value, read from the Cookie header (RFC 6265 §5.4). */
export function consoleCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CONSOLE_COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it), Path=/ (the
 * console's pages and the admin API), Secure behind TLS. No Max-Age: the server ends sessions itself
 * (idle and absolute expiry), and the browser drops the cookie when it closes.
 */
export function setConsoleCookie(reply: FastifyReply, value: string, secure: boolean): void {
  reply.header('set-cookie', cookieText(value, secure, false));
}

export function clearConsoleCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', cookieText('', secure, true));
}

function cookieText(value: string, secure: boolean, expired: boolean): string {
  return [
    `${CONSOLE_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(expired ? ['Max-Age=0'] : []),
  ].join('; ');
}

/** Behind TLS: the public URL is https, or the connection itself is. */
export function isSecureRequest(request: FastifyRequest, publicBaseUrl: string): boolean {
  return publicBaseUrl.startsWith('https:') || request.protocol === 'https';
}
