import type { IntegrationSettings } from './integration-settings.js';

export const idpPresets = ['okta', 'entra', 'google', 'jumpcloud', 'onelogin', 'generic'] as const;

export type IdpPreset = (typeof idpPresets)[number];

export interface Integration {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly idp: IdpPreset;
  readonly createdAt: string;
  readonly tokenCreatedAt: string | null;
  readonly tokenExpiresAt: string | null;
  /** When an operator paused it (its SCIM requests get 503 until resumed); null: not paused. */
  readonly pausedAt: string | null;
}

/**
 * OAuth 2.0 access tokens that are JWTs (RFC 9068) an integration accepts besides its static bearer
 * token: issued by `issuer` for `audience`, signed by a key published at `jwksUrl`.
 */
export interface IntegrationOAuth {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/** The stored hash of an integration's bearer token; never the token itself. */
export interface IntegrationCredential {
  readonly integration: Integration;
  readonly tokenHash: string | null;
  readonly settings: IntegrationSettings;
  /** null: only the static bearer token is accepted. */
  readonly oauth: IntegrationOAuth | null;
  /** Bumped whenever the organization's schema extensions change: keys the resource-type cache. */
  readonly schemaGeneration: number;
}
