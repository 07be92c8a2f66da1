import type { IdpPreset, Integration } from '../model/integration.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { integrationEvent } from '../events/integration-events.js';
import { generateBearerToken, hashBearerToken } from './bearer-token.js';
import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import { presetSettings } from './idp-presets.js';
import { checkName } from '../names/check-name.js';

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
  deps: DirectoryDeps,
  input: CreateIntegrationInput,
): Promise<IssuedIntegration> {
  const checked = checkName('An integration', input.name);
  if (!checked.ok)
    throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: `${checked.error}.` }]);
  const name = checked.value;
  const organization = await deps.store.organizations.findByName(input.organizationName);
  if (!organization) {
    throw new DirectoryNotFound(
      'organization_not_found',
      `No organization named "${input.organizationName}".`,
    );
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
    pausedAt: null,
  };
  // The unique constraint (on the name folded to lower case) decides, so two admins racing for one
  // name, in any case, get one integration. The identity provider's preset decides the starting
  // settings (idp-presets.ts).
  const settings = presetSettings(input.idp);
  const inserted = await deps.store.transaction(async (store) => {
    if (!(await store.integrations.insert(integration, hashBearerToken(token), settings))) return false;
    store.events.append(integration, [
      integrationEvent(
        'integration.created',
        integration,
        settings,
        ['name', 'idp', 'settings'],
        eventStampOf(deps),
      ),
    ]);
    return true;
  });
  if (!inserted) {
    const holder = await deps.store.integrations.findByName({ organizationId: organization.id }, name);
    const same = holder === undefined || holder.name === name;
    throw new DirectoryConflict(
      'integration_name_taken',
      same
        ? `An integration named "${name}" already exists.`
        : `An integration named "${holder.name}" already exists; names are compared in any case.`,
    );
  }
  return { integration, token };
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
