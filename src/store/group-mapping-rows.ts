import { sql, type RawBuilder } from 'kysely';
import type { GroupMapping } from '../directory/model/directory-group.js';
import type { GroupMappingsTable } from './database-schema.js';

export const MAPPING_COLUMNS = [
  'id',
  'integration_id',
  'match_by',
  'idp_group',
  'directory_group_id',
  'automatic',
  'created_at',
] as const satisfies readonly (keyof GroupMappingsTable)[];

export const mappingFromRow = (row: GroupMappingsTable): GroupMapping => ({
  id: row.id,
  integrationId: row.integration_id,
  matchBy: row.match_by as GroupMapping['matchBy'],
  idpGroup: row.idp_group,
  directoryGroupId: row.directory_group_id,
  automatic: Number(row.automatic) === 1,
});

/**
 * The mappings (alias `m`) that may apply to IdP groups: those naming one of the groups' ids, and those
 * naming one of their display names, case-folded (docs/groups.md). `ids` and `foldedNames` are SQL
 * lists — values or a subquery; an empty list is written `null`, which matches nothing.
 */
export function mappingCandidateCondition(ids: RawBuilder<unknown>, foldedNames: RawBuilder<unknown>) {
  return sql<boolean>`((m.match_by = 'id' and m.idp_group in (${ids}))
    or (m.match_by = 'displayName' and m.idp_group in (${foldedNames})))`;
}

/** A list of values for an `in (...)`, or `null` (matches nothing) when there are none. */
export function sqlList(values: readonly unknown[]): RawBuilder<unknown> {
  return values.length === 0 ? sql`null` : sql.join(values);
}
