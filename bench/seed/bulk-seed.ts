import { loadConfig } from '../../src/cli/config.js';
import { prepareDatabase } from '../../src/cli/open-database.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import type { NewMember, StoredResource } from '../../src/directory/model/scim-resource.js';
import type { IntegrationScope } from '../../src/directory/model/scope.js';
import type { DirectoryStore } from '../../src/directory/ports/directory-store.js';
import { coerceResource } from '../../src/core/resource/coerce-resource.js';
import { groupResourceType, userResourceType } from '../../src/core/schema/resource-types.js';
import {
  NESTING_DEPTH,
  NESTING_FAN_OUT,
  SPARE_GROUPS,
  groupCopies,
  groupDisplayName,
  groupMemberPositions,
  type SeedPlan,
  type UserKind,
} from './seed-plan.js';
import type { SeededDirectory } from './seeded-directory.js';
import { groupBody, userBody } from './user-attributes.js';
import { closureAfterGroupsAdded } from '../../src/directory/nested-groups/maintain-closure.js';
import { syncIdentities } from '../../src/directory/identity-sync/sync-identities.js';
import { systemCause } from '../../src/directory/model/directory-event.js';

const ROWS_PER_TRANSACTION = 5_000;
/** Users whose identities one transaction syncs (one batched read, syncIdentities). */
const IDENTITIES_PER_TRANSACTION = 1_000;
const ids = uuidV7Source();

export interface BulkSeedReport {
  readonly users: number;
  readonly groups: number;
  readonly memberships: number;
  /** Identities synced for the seeded users (one per user). */
  readonly identities: number;
  readonly seconds: number;
  /** Users (and groups) written per second through the store. */
  readonly usersPerSecond: number;
}

/**
 * The nested hierarchy, bottom-up: the leaves (depth NESTING_DEPTH) list the member pool's users, each
 * group above lists NESTING_FAN_OUT groups, and the closure rows are written with Roster's own
 * maintenance (`closureAfterGroupsAdded`), exactly what the PATCH that linked them would write. Then
 * SPARE_GROUPS empty groups.
 */
async function seedHierarchy(
  store: DirectoryStore,
  scope: IntegrationScope,
  directory: SeededDirectory,
): Promise<{ groups: number; memberships: number }> {
  let groups = 0;
  let memberships = 0;
  const leaves = NESTING_FAN_OUT ** (NESTING_DEPTH - 1);
  const perLeaf = Math.ceil(directory.memberPoolIds.length / leaves);
  let below: string[] = [];
  for (let depth = NESTING_DEPTH; depth >= 1; depth--) {
    const count = NESTING_FAN_OUT ** (depth - 1);
    const level: string[] = [];
    await store.transaction(async (tx) => {
      for (let n = 0; n < count; n++) {
        const children = below.slice(n * NESTING_FAN_OUT, (n + 1) * NESTING_FAN_OUT);
        const members: NewMember[] =
          depth === NESTING_DEPTH
            ? directory.memberPoolIds
                .slice(n * perLeaf, (n + 1) * perLeaf)
                .map((id) => ({ id, type: 'User' as const }))
            : children.map((id) => ({ id, type: 'Group' as const }));
        const id = ids.newId();
        await insertResource(tx, scope, id, 'Group', groupBody(`bench-nested-${depth}-${n}`), members);
        await closureAfterGroupsAdded(tx, scope, id, depth === NESTING_DEPTH ? [] : children);
        level.push(id);
        memberships += members.length;
        groups++;
      }
    });
    directory.hierarchy[depth - 1] = level;
    below = level;
  }
  await store.transaction(async (tx) => {
    for (let n = 0; n < SPARE_GROUPS; n++) {
      const id = ids.newId();
      await insertResource(tx, scope, id, 'Group', groupBody(`bench-spare-${n}`), []);
      directory.spareGroupIds.push(id);
      groups++;
    }
  });
  return { groups, memberships };
}

/**
 * The documented bulk path (bench/README.md): writes users and groups straight into Roster's database
 * through Roster's own store code — the same validation (coerceResource), the same repository insert,
 * the same membership rows a POST would write — in transactions of 5,000 rows, before the server starts.
 */
export async function bulkSeed(
  databaseUrl: string,
  scope: IntegrationScope,
  plan: SeedPlan,
  directory: SeededDirectory,
  progress: (line: string) => void,
): Promise<BulkSeedReport> {
  const started = performance.now();
  let users = 0;
  let memberships = 0;
  let groups = 0;
  let identities = 0;
  await withStore(databaseUrl, async (store) => {
    const seedUsers = async (kind: UserKind, count: number, into: string[]) => {
      users += await insertUsers(store, scope, kind, 0, count, into, progress);
    };
    await seedUsers('user', plan.bulkUsers, directory.userIds);
    if (!plan.withGroups) {
      if (plan.withIdentities)
        identities += await syncSeededIdentities(store, scope, directory.userIds, progress);
      return;
    }

    const memberUsers: string[] = [];
    await seedUsers('member', plan.extraMembers, memberUsers);
    await seedUsers('candidate', plan.candidates, directory.candidateIds);
    const poolFromUsers = Math.min(plan.bulkUsers, plan.memberPoolSize);
    for (let p = 0; p < plan.memberPoolSize; p++) {
      const id = p < poolFromUsers ? directory.userIds[p] : memberUsers[p - poolFromUsers];
      if (id === undefined) throw new Error(`member pool position ${p} has no user`);
      directory.memberPoolIds[p] = id;
    }

    for (const size of plan.groupSizes) {
      const copies = groupCopies(plan, size);
      const groupIds: string[] = [];
      for (let first = 0; first < copies; first += 100) {
        await store.transaction(async (tx) => {
          for (let copy = first; copy < Math.min(copies, first + 100); copy++) {
            const { start, count } = groupMemberPositions(plan, size, copy);
            const members: NewMember[] = [];
            for (let i = 0; i < count; i++) {
              const id = directory.memberPoolIds[(start + i) % plan.memberPoolSize];
              if (id !== undefined) members.push({ id, type: 'User' });
            }
            const id = ids.newId();
            await insertResource(tx, scope, id, 'Group', groupBody(groupDisplayName(size, copy)), members);
            groupIds.push(id);
            memberships += members.length;
            groups++;
          }
        });
      }
      directory.groupIds.set(size, groupIds);
      progress(`  groups of ${size.toLocaleString('en')}: ${copies.toLocaleString('en')}`);
    }
    if (plan.withHierarchy) {
      const nested = await seedHierarchy(store, scope, directory);
      groups += nested.groups;
      memberships += nested.memberships;
      progress(`  nested hierarchy: ${nested.groups.toLocaleString('en')} groups, depth ${NESTING_DEPTH}`);
    }
    // After the groups: each identity is synced with the memberships its user really has.
    if (plan.withIdentities) {
      const all = [...directory.userIds, ...memberUsers, ...directory.candidateIds];
      identities += await syncSeededIdentities(store, scope, all, progress);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return { users, groups, memberships, identities, seconds, usersPerSecond: (users + groups) / seconds };
}

/**
 * Every user Roster's API creates has its identity from that request on, so the seeded ones get theirs
 * too, from Roster's own sync (`syncIdentities`, the code a SCIM write runs) with the integration's
 * settings: without it a PATCH to a seeded user would measure that user's first sync (its identity, its
 * directory groups and their events), which a directory provisioned through SCIM never pays again.
 */
async function syncSeededIdentities(
  store: DirectoryStore,
  scope: IntegrationScope,
  userIds: readonly (string | undefined)[],
  progress: (line: string) => void,
): Promise<number> {
  const credential = await store.integrations.findCredential(scope.integrationId);
  if (!credential) throw new Error(`integration ${scope.integrationId} is missing`);
  const clock = { now: () => new Date() };
  let synced = 0;
  for (let first = 0; first < userIds.length; first += IDENTITIES_PER_TRANSACTION) {
    const batch = userIds
      .slice(first, first + IDENTITIES_PER_TRANSACTION)
      .filter((id): id is string => id !== undefined);
    await store.transaction(async (tx) => {
      const users = await tx.scimResources.findByIds(scope, 'User', batch);
      await syncIdentities(
        { store: tx, clock, ids, scope, integrationSettings: credential.settings, cause: systemCause },
        users.map((user) => ({ user })),
      );
      synced += users.length;
    });
    const done = Math.min(userIds.length, first + IDENTITIES_PER_TRANSACTION);
    if (done === userIds.length || done % 100_000 === 0) {
      progress(`  identities: ${done.toLocaleString('en')} / ${userIds.length.toLocaleString('en')}`);
    }
  }
  return synced;
}

/**
 * Directory users [from, to) through the same bulk path, for the users the API seeding had no time
 * left to create. Safe while Roster runs: SQLite in WAL mode and PostgreSQL both take a second writer.
 */
export async function bulkSeedUsers(
  databaseUrl: string,
  scope: IntegrationScope,
  from: number,
  to: number,
  withIdentities: boolean,
  directory: SeededDirectory,
  progress: (line: string) => void,
): Promise<number> {
  return withStore(databaseUrl, async (store) => {
    const inserted = await insertUsers(store, scope, 'user', from, to, directory.userIds, progress);
    if (withIdentities) await syncSeededIdentities(store, scope, directory.userIds.slice(from, to), progress);
    return inserted;
  });
}

async function withStore<T>(databaseUrl: string, work: (store: DirectoryStore) => Promise<T>): Promise<T> {
  const opened = await prepareDatabase(loadConfig({ ROSTER_DATABASE_URL: databaseUrl }));
  try {
    return await work(opened.store);
  } finally {
    await opened.store.close();
  }
}

async function insertUsers(
  store: DirectoryStore,
  scope: IntegrationScope,
  kind: UserKind,
  from: number,
  to: number,
  into: string[],
  progress: (line: string) => void,
): Promise<number> {
  for (let first = from; first < to; first += ROWS_PER_TRANSACTION) {
    const last = Math.min(to, first + ROWS_PER_TRANSACTION);
    await store.transaction(async (tx) => {
      for (let index = first; index < last; index++) {
        const id = ids.newId();
        await insertResource(tx, scope, id, 'User', userBody(kind, index), []);
        into[index] = id;
      }
    });
    if (last === to || last % 100_000 === 0) {
      progress(`  ${kind} users: ${last.toLocaleString('en')} / ${to.toLocaleString('en')}`);
    }
  }
  return Math.max(0, to - from);
}

async function insertResource(
  store: DirectoryStore,
  scope: IntegrationScope,
  id: string,
  type: 'User' | 'Group',
  body: Record<string, unknown>,
  members: readonly NewMember[],
): Promise<void> {
  const now = new Date().toISOString();
  const stored: StoredResource = {
    id,
    resourceType: type,
    attributes: coerceResource(type === 'User' ? userResourceType : groupResourceType, body),
    version: 1,
    created: now,
    lastModified: now,
  };
  await store.scimResources.insert(scope, stored, members, null);
}
