import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../../src/client/admin-api-types.js';

/** Thrown for every failed call: the admin API's error body in words, with its request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: readonly { field?: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | undefined,
    details: readonly { field?: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

/** The session's CSRF token, sent as x-roster-csrf on every state-changing call (docs/admin-api.md). */
let csrfToken: string | undefined;
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-roster-csrf', csrfToken);
    }
    return request;
  },
};

/** The typed admin API, on this origin, authenticated by the session cookie. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { field?: string; message: string }[] };
  requestId?: string;
}

/** The data of a successful call, or an ApiError in words. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as ErrorBody;
  const requestId = body.requestId ?? result.response.headers.get('x-request-id') ?? undefined;
  throw new ApiError(
    result.response.status,
    body.error?.code ?? 'unknown',
    body.error?.message ?? `The server answered ${result.response.status}.`,
    requestId,
    body.error?.details ?? [],
  );
}

/** Errors shown to people: network failures become words too. */
export function describeError(error: unknown): { message: string; requestId: string | undefined } {
  if (error instanceof ApiError) {
    const details = error.details.map((d) => d.message).filter((m) => m !== error.message);
    return {
      message: [error.message, ...details].join(' '),
      requestId: error.requestId,
    };
  }
  if (error instanceof TypeError) {
    return {
      message: 'Roster could not be reached. Check your connection and try again.',
      requestId: undefined,
    };
  }
  return { message: error instanceof Error ? error.message : String(error), requestId: undefined };
}
