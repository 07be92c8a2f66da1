import type { Clock, DirectoryStore, IdSource, IdpPreset, Integration } from '../ports.js';
import { generateBearerToken, hashBearerToken } from './bearer-token.js';
import { DirectoryError } from '../directory-error.js';
import { presetSettings } from './idp-presets.js';

export interface CreateIntegrationInput {
  readonly organizationName: string;
  readonly name: string;
  readonly idp: IdpPreset;
  readonly tokenLifetimeDays: number;
}

export interface IssuedIntegration {
  readonly integration: Integration;
  /** Shown exactly once; only its hash is stored. */
  readonly token: string;
}

export async function createIntegration(
  deps: { store: DirectoryStore; clock: Clock; ids: IdSource },
  input: CreateIntegrationInput,
): Promise<IssuedIntegration> {
  const name = input.name.trim();
  if (name === '') throw new DirectoryError('invalid_name', 'An integration needs a non-empty name.');
  const organization = await deps.store.organizations.findByName(input.organizationName);
  if (!organization) {
    throw new DirectoryError('organization_not_found', `No organization named "${input.organizationName}".`);
  }
  const now = deps.clock.now();
  const token = generateBearerToken();
  const integration: Integration = {
    id: deps.ids.newId(),
    organizationId: organization.id,
    name,
    idp: input.idp,
    createdAt: now.toISOString(),
    tokenCreatedAt: now.toISOString(),
    tokenExpiresAt: addDays(now, input.tokenLifetimeDays).toISOString(),
  };
  // The unique constraint decides, so two admins racing for one name get one integration.
  // The identity provider's preset decides the starting settings (idp-presets.ts).
  const settings = presetSettings(input.idp);
  if (!(await deps.store.integrations.insert(integration, hashBearerToken(token), settings))) {
    throw new DirectoryError('integration_name_taken', `An integration named "${name}" already exists.`);
  }
  return { integration, token };
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
