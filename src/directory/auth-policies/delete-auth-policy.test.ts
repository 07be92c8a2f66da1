import { integrationScope } from '../model/scope.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryStore } from '../../store/directory-store.js';
import { migrateToLatest } from '../../store/migrate.js';
import { openSqlite } from '../../store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../store/sqlite/sqlite-dialect.js';
import { uuidV7Source } from '../ids/uuid-v7.js';
import { createIntegration } from '../integrations/create-integration.js';
import { ensureDefaultOrganization } from '../organizations/ensure-default-organization.js';
import type { Organization } from '../model/organization.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { createAuthPolicy } from './create-auth-policy.js';
import { createJwtSigner } from '../jwt-signers/create-jwt-signer.js';
import { deleteAuthPolicy } from './delete-auth-policy.js';
import { deleteJwtSigner } from '../jwt-signers/delete-jwt-signer.js';
import { updateAuthPolicy } from './update-auth-policy.js';

describe('auth policies and JWT signers', () => {
  let store: DirectoryStore;
  let deps: DirectoryDeps;
  let organization: Organization;

  beforeEach(async () => {
    const db = openSqlite(':memory:');
    await migrateToLatest(db, sqliteDialect);
    store = directoryStore(db, sqliteDialect);
    deps = { store, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, ids: uuidV7Source() };
    organization = (await ensureDefaultOrganization(deps)) as Organization;
  });
  afterEach(() => store.close());

  const signer = (name: string) =>
    createJwtSigner(deps, organization.id, {
      name,
      issuer: 'https://auth.example',
      audience: 'app',
      jwksUrl: 'https://auth.example/jwks',
    });

  it('never deletes or changes the Default policy', async () => {
    const [defaultPolicy] = await store.authPolicies.list({ organizationId: organization.id });
    expect(defaultPolicy?.isDefault).toBe(true);
    const id = defaultPolicy?.id ?? '';
    await expect(deleteAuthPolicy(deps, organization.id, id)).rejects.toMatchObject({
      code: 'default_policy_protected',
    });
    await expect(updateAuthPolicy(deps, organization.id, id, { name: 'Other' })).rejects.toMatchObject({
      code: 'default_policy_protected',
    });
    expect(await store.authPolicies.findById({ organizationId: organization.id }, id)).toEqual(defaultPolicy);
  });

  it('refuses to delete a policy an integration uses, then deletes it once unused', async () => {
    const policy = await createAuthPolicy(deps, organization.id, { name: 'strict', signers: [] });
    const { integration } = await createIntegration(deps, {
      organizationName: organization.name,
      name: 'okta',
      idp: 'okta',
      tokenLifetimeDays: 1,
    });
    const settings = await store.integrations.settings(integrationScope(integration));
    if (!settings) throw new Error('no settings');
    await store.integrations.saveSettings(integrationScope(integration), {
      ...settings,
      authPolicyId: policy.id,
    });
    await expect(deleteAuthPolicy(deps, organization.id, policy.id)).rejects.toMatchObject({
      code: 'auth_policy_in_use',
    });
    await store.integrations.saveSettings(integrationScope(integration), { ...settings, authPolicyId: null });
    expect(await deleteAuthPolicy(deps, organization.id, policy.id)).toEqual(policy);
    await expect(deleteAuthPolicy(deps, organization.id, policy.id)).rejects.toMatchObject({
      code: 'auth_policy_not_found',
    });
  });

  it('resolves signers by id or name, refuses unknown ones and taken names', async () => {
    const web = await signer('web');
    const cli = await signer('cli');
    const policy = await createAuthPolicy(deps, organization.id, {
      name: 'p',
      signers: ['web', cli.id, 'web'],
    });
    expect(policy.signerIds).toEqual([web.id, cli.id]);
    await expect(
      createAuthPolicy(deps, organization.id, { name: 'q', signers: ['nope'] }),
    ).rejects.toMatchObject({
      code: 'jwt_signer_not_found',
    });
    await expect(
      createAuthPolicy(deps, organization.id, { name: 'Default', signers: [] }),
    ).rejects.toMatchObject({
      code: 'name_taken',
    });
    await expect(signer('web')).rejects.toMatchObject({ code: 'name_taken' });
    await createAuthPolicy(deps, organization.id, { name: 'other', signers: [] });
    await expect(updateAuthPolicy(deps, organization.id, policy.id, { name: 'other' })).rejects.toMatchObject(
      {
        code: 'name_taken',
      },
    );
  });

  it('takes a deleted signer out of every policy that listed it', async () => {
    const web = await signer('web');
    const cli = await signer('cli');
    const policy = await createAuthPolicy(deps, organization.id, { name: 'p', signers: [web.id, cli.id] });
    const deleted = await deleteJwtSigner(deps, organization.id, web.id);
    expect(deleted.policies.map((p) => p.id)).toEqual([policy.id]);
    expect(
      (await store.authPolicies.findById({ organizationId: organization.id }, policy.id))?.signerIds,
    ).toEqual([cli.id]);
    expect(await store.jwtSigners.findById({ organizationId: organization.id }, web.id)).toBeUndefined();
  });
});
