import type { FilterOptions } from '../../core/filter/parse-filter.js';
import type { PageLimits } from '../../core/protocol/list-request.js';
import type { InputLimits } from '../../core/protocol/input-limits.js';
import type { EventCause } from '../model/directory-event.js';
import type { IntegrationScope } from '../model/scope.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { PagePositions } from './page-positions.js';
import type { UserReadAhead } from './user-read-ahead.js';
import type { ResourceTypeDefinition, ResourceTypeName } from '../../core/schema/resource-types.js';
import type { IntegrationResourceTypes } from '../schema-extensions/integration-resource-types.js';

/** Installation-wide settings of the SCIM service. */
export interface ScimSettings {
  readonly pageLimits: PageLimits;
  /** HMAC key for RFC 9865 cursors, shared by every instance (stored in the database). */
  readonly cursorSigningKey: Uint8Array;
  readonly cursorTimeoutSeconds: number;
  /** How long an identical repeated POST is answered with what the first one created (Entra retries). */
  readonly createRetryWindowSeconds: number;
  /** RFC 7644 §3.7.4 limits, advertised in /ServiceProviderConfig. */
  readonly bulk: { readonly maxOperations: number; readonly maxPayloadSize: number };
  /** Bounds on filters, PATCH, projections and values, checked before any database work. */
  readonly inputLimits: InputLimits;
}

/** What every SCIM use case needs: the tenant scope, the store, time and ids, and the integration's URL. */
export interface ScimContext {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scope: IntegrationScope;
  /** `{publicBaseUrl}/scim/v2/{integrationId}`, the base of `meta.location`. */
  readonly baseUrl: string;
  readonly settings: ScimSettings;
  /** How this integration maps SCIM users to identities (read with the token, on every request). */
  readonly integrationSettings: IntegrationSettings;
  /** Where this process's recent index pages ended (one per server process). */
  readonly pagePositions: PagePositions;
  /** The request, stamped on the events its changes write (the integration is the actor). */
  readonly cause: EventCause;
  /** The integration's resource types, its accepted custom extensions composed in (cached per generation). */
  readonly resourceTypes: IntegrationResourceTypes;
  /** The user the request names, when authentication read it with the credential (user-read-ahead.ts). */
  readonly userReadAhead?: UserReadAhead;
}

/** The resource type this integration serves under that name (built-in plus accepted extensions). */
export function resourceTypeOf(context: ScimContext, name: ResourceTypeName): ResourceTypeDefinition {
  return context.resourceTypes[name];
}

/** Lenient integrations read unquoted filter values as strings (docs/idp-compatibility.md). */
export function filterOptionsOf(context: ScimContext): FilterOptions {
  return { bareValues: context.integrationSettings.compatibility === 'lenient' };
}
