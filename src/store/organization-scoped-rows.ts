import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

/** Tables of named, organization-owned settings: one row per (organization, unique name). */
export type OrganizationScopedTable = 'roles' | 'auth_policies' | 'jwt_signers';

/** The row with this id in this organization; another organization's id finds nothing. */
export function findInOrganization<T extends OrganizationScopedTable>(
  db: Kysely<Database>,
  table: T,
  organizationId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  return db
    .selectFrom(table as OrganizationScopedTable)
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>;
}

/** Every row of this organization, by name. */
export function listInOrganization<T extends OrganizationScopedTable>(
  db: Kysely<Database>,
  table: T,
  organizationId: string,
): Promise<Selectable<Database[T]>[]> {
  return db
    .selectFrom(table as OrganizationScopedTable)
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute() as Promise<Selectable<Database[T]>[]>;
}

export async function deleteInOrganization(
  db: Kysely<Database>,
  table: OrganizationScopedTable,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Runs an update that may rename a row: a rename to a name the organization already uses is decided by
 * the unique constraint and reported as `false`, like an insert of a taken name.
 */
export async function updateReportingNameClash(
  dialect: StoreDialect,
  update: () => Promise<{ numUpdatedRows: bigint }>,
): Promise<boolean> {
  try {
    return Number((await update()).numUpdatedRows) > 0;
  } catch (error) {
    if (dialect.isUniqueViolation(error)) return false;
    throw error;
  }
}
