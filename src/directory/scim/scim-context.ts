import type { Clock, DirectoryStore, IdSource, IntegrationScope } from '../ports.js';

/** What every SCIM use case needs: the tenant scope, the store, time and ids, and the integration's URL. */
export interface ScimContext {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scope: IntegrationScope;
  /** `{publicBaseUrl}/scim/v2/{integrationId}`, the base of `meta.location`. */
  readonly baseUrl: string;
}
