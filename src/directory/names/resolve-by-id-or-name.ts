import { DirectoryNotFound, InvalidDirectoryInput, type NotFoundCode } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Integration } from '../model/integration.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { Role } from '../model/role.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * How an operator names a thing: by its id, or by its name in any case. One rule for every kind and
 * every command: the id wins, then the exact name, then the one name that matches in another case
 * (names are unique in any case for integrations and groups; roles, policies and signers may hold
 * names that differ only in case, and then only the exact one names either).
 */
export function pickByIdOrName<T extends { readonly id: string; readonly name: string }>(
  candidates: readonly T[],
  text: string,
): { readonly found: T } | { readonly ambiguous: readonly T[] } | undefined {
  const byId = candidates.find((c) => c.id === text);
  if (byId) return { found: byId };
  const exact = candidates.find((c) => c.name === text);
  if (exact) return { found: exact };
  const folded = text.toLowerCase();
  const matches = candidates.filter((c) => c.name.toLowerCase() === folded);
  if (matches.length === 1 && matches[0]) return { found: matches[0] };
  return matches.length > 1 ? { ambiguous: matches } : undefined;
}

interface Kinds {
  readonly integration: Integration;
  readonly 'directory group': DirectoryGroup;
  readonly role: Role;
  readonly 'auth policy': AuthPolicy;
  readonly 'JWT signer': JwtSigner;
}
export type NamedKind = keyof Kinds;

/** Where a kind is looked up: by id, and the candidates a name could mean (indexed where it matters). */
interface Lookup<T> {
  readonly code: NotFoundCode;
  byId(store: DirectoryStore, organizationId: string, id: string): Promise<T | undefined>;
  byName(store: DirectoryStore, organizationId: string, name: string): Promise<readonly T[]>;
}

const lookups: { readonly [K in NamedKind]: Lookup<Kinds[K]> } = {
  integration: {
    code: 'integration_not_found',
    async byId(store, organizationId, id) {
      return store.integrations.findById({ organizationId }, id);
    },
    async byName(store, organizationId, name) {
      const integration = await store.integrations.findByName({ organizationId }, name);
      return integration ? [integration] : [];
    },
  },
  'directory group': {
    code: 'group_not_found',
    byId: (store, organizationId, id) => store.directoryGroups.findById({ organizationId }, id),
    async byName(store, organizationId, name) {
      const group = await store.directoryGroups.findByName({ organizationId }, name);
      return group ? [group] : [];
    },
  },
  // Roles, policies and signers are a handful per organization: the list is the lookup.
  role: {
    code: 'role_not_found',
    byId: (store, organizationId, id) => store.roles.findById({ organizationId }, id),
    byName: (store, organizationId) => store.roles.list({ organizationId }),
  },
  'auth policy': {
    code: 'auth_policy_not_found',
    byId: (store, organizationId, id) => store.authPolicies.findById({ organizationId }, id),
    byName: (store, organizationId) => store.authPolicies.list({ organizationId }),
  },
  'JWT signer': {
    code: 'jwt_signer_not_found',
    byId: (store, organizationId, id) => store.jwtSigners.findById({ organizationId }, id),
    byName: (store, organizationId) => store.jwtSigners.list({ organizationId }),
  },
};

/** The organization's `kind` that `text` names (its id or its name); not found and ambiguous are errors. */
export async function resolveByIdOrName<K extends NamedKind>(
  store: DirectoryStore,
  organizationId: string,
  kind: K,
  text: string,
): Promise<Kinds[K]> {
  const lookup = lookups[kind] as Lookup<Kinds[K]>;
  const wanted = text.trim();
  const byId = await lookup.byId(store, organizationId, wanted);
  if (byId) return byId;
  const picked = pickByIdOrName(await lookup.byName(store, organizationId, wanted), wanted);
  if (picked && 'found' in picked) return picked.found;
  if (picked) throw ambiguity(kind, wanted, picked.ambiguous);
  throw new DirectoryNotFound(lookup.code, `No ${kind} with id or name "${wanted}" in this organization.`);
}

/** Several ids or names at once (a group's roles, a policy's signers): every one must name one. */
export async function resolveManyByIdOrName<K extends 'role' | 'JWT signer'>(
  store: DirectoryStore,
  organizationId: string,
  kind: K,
  texts: readonly string[],
): Promise<Kinds[K][]> {
  if (texts.length === 0) return [];
  // The name lookup of these kinds is the organization's whole (short) list, whatever the name.
  const known = await (lookups[kind] as Lookup<Kinds[K]>).byName(store, organizationId, '');
  const chosen: Kinds[K][] = [];
  const missing: string[] = [];
  for (const text of texts) {
    const picked = pickByIdOrName(known, text.trim());
    if (!picked) missing.push(text);
    else if (!('found' in picked)) throw ambiguity(kind, text, picked.ambiguous);
    else if (!chosen.includes(picked.found)) chosen.push(picked.found);
  }
  if (missing.length > 0) {
    throw new DirectoryNotFound(
      lookups[kind].code,
      `No ${kind} ${missing.map((m) => `"${m}"`).join(', ')} in this organization.`,
    );
  }
  return chosen;
}

function ambiguity(kind: string, text: string, matches: readonly { id: string; name: string }[]) {
  return new InvalidDirectoryInput('ambiguous_name', [
    `"${text}" could be any of ${matches.map((m) => `${kind} "${m.name}" (${m.id})`).join(', ')}: give the exact name or the id.`,
  ]);
}
