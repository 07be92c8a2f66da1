/** One request as the load driver and the probes send it; `path` is absolute on the server's origin. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
  readonly elapsedMs: number;
}

/** A server the benchmark talks to, always on 127.0.0.1. */
export interface HttpTarget {
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The content type of request bodies; SCIM's by default (the admin API takes application/json). */
  readonly contentType?: string;
}

export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** A SCIM integration endpoint: `origin` + `basePath` (/scim/v2/{id}) behind a bearer token. */
export interface ScimTarget extends HttpTarget {
  readonly basePath: string;
}

export function scimTarget(origin: string, integrationId: string, token: string): ScimTarget {
  assertLoopback(origin);
  return {
    origin,
    basePath: `/scim/v2/${integrationId}`,
    headers: { authorization: `Bearer ${token}`, accept: SCIM_CONTENT_TYPE },
  };
}

/** The headers of one request: the target's, plus a content type when there is a body. */
export function requestHeaders(target: HttpTarget, request: HttpRequest): Record<string, string> {
  return request.body === undefined
    ? { ...target.headers }
    : { ...target.headers, 'content-type': target.contentType ?? SCIM_CONTENT_TYPE };
}

/** One request with fetch, bounded in time. */
export async function send(
  target: HttpTarget,
  request: HttpRequest,
  timeoutMs = 60_000,
): Promise<HttpAnswer> {
  const started = performance.now();
  const response = await fetch(target.origin + request.path, {
    method: request.method,
    headers: requestHeaders(target, request),
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, text, elapsedMs: performance.now() - started };
}

/** The benchmark sends traffic to this machine only. */
export function assertLoopback(origin: string): void {
  const host = new URL(origin).hostname;
  if (host !== '127.0.0.1') throw new Error(`Refusing to send load to ${origin}: only 127.0.0.1 is allowed.`);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short description of an answer for a report: status, scimType and detail when it is a SCIM error. */
export function describeAnswer(answer: HttpAnswer): string {
  const body = parseJson(answer.text) as { scimType?: unknown; detail?: unknown } | undefined;
  const parts = [`HTTP ${answer.status}`];
  if (typeof body?.scimType === 'string') parts.push(body.scimType);
  if (typeof body?.detail === 'string') parts.push(body.detail);
  else if (body === undefined && answer.text !== '') parts.push(answer.text.slice(0, 120));
  return parts.join(': ');
}
