import type { Kysely } from 'kysely';
import type { IntegrationScope } from '../directory/model/scope.js';
import type { GroupHierarchyRepository } from '../directory/ports/group-hierarchy-repository.js';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

const CLOSURE_COLUMNS = 4;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function grouped(rows: readonly { key: string; value: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, value } of rows) {
    const list = out.get(key) ?? [];
    list.push(value);
    out.set(key, list);
  }
  return out;
}

/** The group-in-group closure (migration 0022) and the membership reads that maintain it. */
export function groupHierarchyRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
): GroupHierarchyRepository {
  const batchSize = Math.floor(dialect.maxParameters / 4);

  async function closureSide(
    scope: IntegrationScope,
    groupIds: readonly string[],
    by: 'ancestor_id' | 'descendant_id',
  ): Promise<Map<string, string[]>> {
    const other = by === 'ancestor_id' ? 'descendant_id' : 'ancestor_id';
    const rows: { key: string; value: string }[] = [];
    for (const batch of chunks([...new Set(groupIds)], batchSize)) {
      const found = await db
        .selectFrom('scim_group_closure')
        .select([`${by} as key`, `${other} as value`])
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where(by, 'in', batch)
        .execute();
      rows.push(...found);
    }
    return grouped(rows);
  }

  async function edges(
    scope: IntegrationScope,
    groupIds: readonly string[],
    by: 'group_id' | 'member_id',
  ): Promise<Map<string, string[]>> {
    const other = by === 'group_id' ? 'member_id' : 'group_id';
    const rows: { key: string; value: string }[] = [];
    for (const batch of chunks([...new Set(groupIds)], batchSize)) {
      // scim_memberships has no organization column: the join to the member proves the tenant.
      const found = await db
        .selectFrom('scim_memberships as m')
        .innerJoin('scim_resources as r', 'r.id', 'm.member_id')
        .select([`m.${by} as key`, `m.${other} as value`])
        .where('m.integration_id', '=', scope.integrationId)
        .where('r.organization_id', '=', scope.organizationId)
        .where('m.member_type', '=', 'Group')
        .where(`m.${by}`, 'in', batch)
        .execute();
      rows.push(...found);
    }
    return grouped(rows);
  }

  return {
    ancestorsOf: (scope, groupIds) => closureSide(scope, groupIds, 'descendant_id'),
    descendantsOf: (scope, groupIds) => closureSide(scope, groupIds, 'ancestor_id'),
    childGroupsOf: (scope, groupIds) => edges(scope, groupIds, 'group_id'),
    parentGroupsOf: (scope, groupIds) => edges(scope, groupIds, 'member_id'),

    async insertPairs(scope, pairs) {
      for (const batch of chunks(pairs, Math.floor(dialect.maxParameters / CLOSURE_COLUMNS))) {
        await db
          .insertInto('scim_group_closure')
          .values(
            batch.map((p) => ({
              organization_id: scope.organizationId,
              integration_id: scope.integrationId,
              ancestor_id: p.ancestorId,
              descendant_id: p.descendantId,
            })),
          )
          .onConflict((c) => c.columns(['integration_id', 'ancestor_id', 'descendant_id']).doNothing())
          .execute();
      }
    },

    async deletePairs(scope, pairs) {
      const byAncestor = grouped(pairs.map((p) => ({ key: p.ancestorId, value: p.descendantId })));
      for (const [ancestorId, descendants] of byAncestor) {
        for (const batch of chunks(descendants, batchSize)) {
          await db
            .deleteFrom('scim_group_closure')
            .where('integration_id', '=', scope.integrationId)
            .where('organization_id', '=', scope.organizationId)
            .where('ancestor_id', '=', ancestorId)
            .where('descendant_id', 'in', batch)
            .execute();
        }
      }
    },

    async userMembersOf(scope, groupIds) {
      const found = new Set<string>();
      for (const batch of chunks([...new Set(groupIds)], batchSize)) {
        const rows = await db
          .selectFrom('scim_memberships as m')
          .innerJoin('scim_resources as r', 'r.id', 'm.member_id')
          .select('m.member_id')
          .where('m.integration_id', '=', scope.integrationId)
          .where('r.organization_id', '=', scope.organizationId)
          .where('m.member_type', '=', 'User')
          .where('m.group_id', 'in', batch)
          .execute();
        for (const row of rows) found.add(row.member_id);
      }
      return [...found];
    },
  };
}
