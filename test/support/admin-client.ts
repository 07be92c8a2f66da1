import { createAdminKey } from '../../src/directory/admin-keys/create-admin-key.js';
import { ids, type RosterHarness } from './roster-harness.js';

export interface AdminResponse {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests
  readonly body: any;
}

/** Issues an admin key straight through the use case: scoped to an organization id, or (null) installation-wide. */
export async function issueAdminKey(
  roster: RosterHarness,
  organizationId: string | null,
  name = 'test key',
): Promise<{ id: string; secret: string }> {
  const { key, secret } = await createAdminKey(
    { store: roster.store, clock: roster.clock, ids },
    { name, organizationId },
  );
  return { id: key.id, secret };
}

/** Calls the admin API over the network, as an app or the console would. */
export class AdminClient {
  readonly origin: string;
  readonly key: string | undefined;

  constructor(origin: string, key: string | undefined) {
    this.origin = origin;
    this.key = key;
  }

  static async installation(roster: RosterHarness): Promise<AdminClient> {
    return new AdminClient(roster.origin, (await issueAdminKey(roster, null, 'installation')).secret);
  }

  static async forOrganization(roster: RosterHarness, organizationId: string): Promise<AdminClient> {
    return new AdminClient(roster.origin, (await issueAdminKey(roster, organizationId, 'org')).secret);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<AdminResponse> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.key === undefined ? {} : { authorization: `Bearer ${this.key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${this.origin}/api/v1${path}`, init);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body:
        text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }
}
