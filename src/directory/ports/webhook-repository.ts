import type { EventType } from '../model/directory-event.js';
import type { OrganizationScope } from '../model/scope.js';
import type {
  DestinationKind,
  SetPayloadMode,
  SealedWebhookSecrets,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookFailure,
} from '../model/webhook-endpoint.js';

export interface WebhookEndpointChange {
  readonly url?: string;
  readonly description?: string | null;
  readonly eventTypes?: readonly EventType[] | null;
  readonly enabled?: boolean;
  readonly audience?: string;
  readonly payload?: SetPayloadMode;
  /** A SET receiver's Authorization value, sealed (a webhook's secret changes by setSecrets). */
  readonly sealedSecret?: string;
}

export interface WebhookRepository {
  insert(endpoint: WebhookEndpoint, sealedSecret: string): Promise<void>;
  list(scope: OrganizationScope, kind: DestinationKind): Promise<readonly WebhookEndpoint[]>;
  findById(scope: OrganizationScope, id: string): Promise<WebhookEndpoint | undefined>;
  update(scope: OrganizationScope, id: string, change: WebhookEndpointChange, now: string): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  secrets(scope: OrganizationScope, id: string): Promise<SealedWebhookSecrets | undefined>;
  setSecrets(
    scope: OrganizationScope,
    id: string,
    secrets: SealedWebhookSecrets,
    now: string,
  ): Promise<boolean>;
  /** Moves the cursor (redeliver everything after it) and makes a failing endpoint active again. */
  resetCursor(scope: OrganizationScope, id: string, cursorSequence: number, now: string): Promise<boolean>;
  /**
   * Claims one endpoint with events to deliver (enabled, active, its retry due, events after its cursor)
   * for `owner` until `leaseExpiresAt`: FOR UPDATE SKIP LOCKED on PostgreSQL, so with several instances
   * each endpoint has one deliverer, and its events go out in order.
   */
  claim(
    owner: string,
    now: string,
    leaseExpiresAt: string,
  ): Promise<{ endpoint: WebhookEndpoint; secrets: SealedWebhookSecrets } | undefined>;
  /** After a success: the cursor moves to `cursorSequence` and the failure state clears. False: lease lost. */
  advance(
    endpointId: string,
    owner: string,
    cursorSequence: number,
    leaseExpiresAt: string,
  ): Promise<boolean>;
  /** After a failed attempt: the retry schedule (or the failing mark), and the lease let go. */
  recordFailure(endpointId: string, owner: string, failure: WebhookFailure, now: string): Promise<boolean>;
  release(endpointId: string, owner: string): Promise<void>;
  addDelivery(delivery: WebhookDelivery): Promise<void>;
  /** Across the installation (metrics): events not yet delivered to enabled active endpoints, and failing endpoints. */
  backlogInInstallation(): Promise<{ readonly pendingEvents: number; readonly failingEndpoints: number }>;
  /** Every endpoint's sealed secrets in the installation, for re-sealing after a key rotation. */
  sealedInInstallation(): Promise<readonly (SealedWebhookSecrets & { readonly id: string })[]>;
  /** Compare-and-set of one endpoint's sealed secrets (re-sealing beside running instances). */
  replaceSealed(id: string, was: SealedWebhookSecrets, now: SealedWebhookSecrets): Promise<boolean>;
  /** Newest first. */
  deliveries(
    scope: OrganizationScope,
    endpointId: string,
    page: { readonly beforeId?: string | undefined; readonly limit: number },
  ): Promise<readonly WebhookDelivery[]>;
  findDelivery(
    scope: OrganizationScope,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookDelivery | undefined>;
}
