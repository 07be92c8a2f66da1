import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './admin-api-types.js';

type VerifyPath = paths['/api/v1/organizations/{organizationId}/auth/verify']['post'];

/** The answer of POST .../auth/verify: `{ ok: true, identity, signer, expiresAt }` or `{ ok: false, code, message }`. */
export type VerifyResult = VerifyPath['responses'][200]['content']['application/json'];
export type SignedIn = Extract<VerifyResult, { ok: true }>;
export type SignInRefusal = Extract<VerifyResult, { ok: false }>;
export type SignInRefusalCode = SignInRefusal['code'];

export interface RosterClientOptions {
  /** Where Roster listens, e.g. `https://roster.internal` (no `/api/v1`). */
  readonly baseUrl: string;
  /** An admin API key (`roster_admin_...`); an organization key is enough to verify in its organization. */
  readonly apiKey: string;
  /** A fetch of your own (a proxy agent, a test double); the global fetch by default. */
  readonly fetch?: typeof globalThis.fetch;
}

/** An admin API call that failed: the error body's code and message, the status and the request id. */
export class RosterApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown) {
    const error =
      (body as { error?: { code?: string; message?: string }; requestId?: string } | undefined) ?? {};
    super(error.error?.message ?? `Roster answered HTTP ${status}.`);
    this.name = 'RosterApiError';
    this.status = status;
    this.code = error.error?.code ?? 'unknown';
    this.requestId = error.requestId;
  }
}

export interface RosterClient {
  /** The whole admin API, typed from its OpenAPI document (openapi-fetch: `api.GET(path, { params })`). */
  readonly api: Client<paths>;
  /**
   * Does this ID token or access token sign someone in to the organization? A refusal is an answer
   * (`ok: false` with a stable `code`), not an exception; a failed call (bad key, unknown organization,
   * Roster down) throws RosterApiError or the fetch error.
   */
  verify(organizationId: string, token: string): Promise<VerifyResult>;
}

/** A typed client for Roster's admin API, for apps: `createRosterClient({ baseUrl, apiKey }).verify(org, jwt)`. */
export function createRosterClient(options: RosterClientOptions): RosterClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    api,
    async verify(organizationId, token) {
      const { data, error, response } = await api.POST('/api/v1/organizations/{organizationId}/auth/verify', {
        params: { path: { organizationId } },
        body: { token },
      });
      if (data === undefined) throw new RosterApiError(response.status, error);
      return data;
    },
  };
}
