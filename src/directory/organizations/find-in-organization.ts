import { DirectoryNotFound } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { Role } from '../model/role.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** Lookups by id within one organization; another tenant's id is "not found", like a missing one. */
export async function roleInOrganization(
  store: DirectoryStore,
  organizationId: string,
  id: string,
): Promise<Role> {
  const role = await store.roles.findById({ organizationId }, id);
  if (!role) throw new DirectoryNotFound('role_not_found', `No role with id "${id}".`);
  return role;
}

export async function authPolicyInOrganization(
  store: DirectoryStore,
  organizationId: string,
  id: string,
): Promise<AuthPolicy> {
  const policy = await store.authPolicies.findById({ organizationId }, id);
  if (!policy) throw new DirectoryNotFound('auth_policy_not_found', `No auth policy with id "${id}".`);
  return policy;
}

export async function jwtSignerInOrganization(
  store: DirectoryStore,
  organizationId: string,
  id: string,
): Promise<JwtSigner> {
  const signer = await store.jwtSigners.findById({ organizationId }, id);
  if (!signer) throw new DirectoryNotFound('jwt_signer_not_found', `No JWT signer with id "${id}".`);
  return signer;
}

/** A directory group with the roles it carries. */
export async function directoryGroupInOrganization(
  store: DirectoryStore,
  organizationId: string,
  id: string,
): Promise<DirectoryGroup & { readonly roles: readonly Role[] }> {
  const group = await store.directoryGroups.findById({ organizationId }, id);
  if (!group) throw new DirectoryNotFound('group_not_found', `No directory group with id "${id}".`);
  const roleIds = new Set(await store.directoryGroups.roleIdsOf({ organizationId }, group.id));
  const roles = (await store.roles.list({ organizationId })).filter((role) => roleIds.has(role.id));
  return { ...group, roles };
}
