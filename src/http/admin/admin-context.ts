import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { EventActor, EventCause } from '../../directory/model/directory-event.js';
import type { WebhookSettings } from '../../directory/webhooks/webhook-settings.js';
import type { Organization } from '../../directory/model/organization.js';
import type { Clock, IdSource } from '../../directory/ports/clock.js';
import type { DirectoryStore } from '../../directory/ports/directory-store.js';
import type { RateLimitSettings } from '../rate-limits.js';
import type { SignInServices } from '../../directory/sign-in/sign-in-services.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every route under /api/v1/organizations/:organizationId, once the key may see it. */
    adminOrganization: Organization | undefined;
  }
}

/** What the admin routes need. */
export interface AdminApiDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly publicBaseUrl: string;
  /** Lifetime of SCIM tokens the admin API issues, unless a request asks for another. */
  readonly tokenLifetimeDays: number;
  /** Token verification: keys (JWKS cache) and clock leeway. */
  readonly signIn: SignInServices;
  /** How often a long-polling events read looks again (default 250 ms). */
  readonly eventPollMs?: number;
  /** Webhook secrets' cipher, the SSRF setting and delivery timing. */
  readonly webhooks: WebhookSettings;
  /** Requests per second per admin key; absent: no limit. */
  readonly rateLimits?: RateLimitSettings | undefined;
}

/** A Fastify scope whose route schemas are TypeBox: handlers get typed params, query and body. */
export type AdminApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * The deps of a use case run for this request: the admin key that authenticated it is the actor, and
 * its request id is stamped on the events the use case writes.
 */
export function actingFor<D extends object>(deps: D, request: FastifyRequest): D & { cause: EventCause } {
  return { ...deps, cause: { actor: actorOf(request), integrationId: null, requestId: request.id } };
}

/** A console call acts as its account (or its setup link); any other as its admin key. */
function actorOf(request: FastifyRequest): EventActor {
  const session = request.consolePrincipal;
  if (session?.account) return { kind: 'console_account', id: session.account.id };
  if (session) return { kind: 'setup_link', id: session.session.setupLinkId };
  return { kind: 'admin_key', id: request.adminPrincipal?.keyId ?? null };
}

export function organizationOf(request: FastifyRequest): Organization {
  const organization = request.adminOrganization;
  if (!organization) throw new Error('organization route reached without its organization');
  return organization;
}
