import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { parseExtensionSchema, extensionSchemaJson } from '../core/schema/extension-schema.js';
import type { SchemaExtension } from '../directory/model/schema-extension.js';
import type { DataCheck } from '../core/schema/extension-narrowing.js';
import type { DataBreak, SchemaExtensionRepository } from '../directory/ports/schema-extension-repository.js';
import type { Database, SchemaExtensionsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

export function schemaExtensionRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
): SchemaExtensionRepository {
  const toExtension = (row: SchemaExtensionsTable): SchemaExtension => {
    const parsed = parseExtensionSchema(dialect.parseJson(row.definition));
    // Stored definitions were checked when saved; a failure here is a corrupted row.
    if (!parsed.ok) throw new Error(`schema extension ${row.id} has an invalid stored definition`);
    return {
      id: row.id,
      organizationId: row.organization_id,
      version: Number(row.version),
      definition: parsed.value,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  };
  const definitionText = (extension: SchemaExtension) =>
    JSON.stringify(extensionSchemaJson(extension.definition));
  const saveVersion = (extension: SchemaExtension) =>
    db
      .insertInto('schema_extension_versions')
      .values({
        extension_id: extension.id,
        organization_id: extension.organizationId,
        version: extension.version,
        definition: definitionText(extension),
        created_at: extension.updatedAt,
      })
      .execute();

  return {
    async insert(extension) {
      const inserted = await db
        .insertInto('schema_extensions')
        .values({
          id: extension.id,
          organization_id: extension.organizationId,
          urn: extension.definition.schema.id,
          urn_key: extension.definition.schema.id.toLowerCase(),
          resource_type: extension.definition.resourceType,
          version: extension.version,
          definition: definitionText(extension),
          created_at: extension.createdAt,
          updated_at: extension.updatedAt,
        })
        .onConflict((c) => c.columns(['organization_id', 'urn_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted === undefined) return false;
      await saveVersion(extension);
      return true;
    },
    async replace(extension, expectedVersion) {
      const result = await db
        .updateTable('schema_extensions')
        .set({
          version: extension.version,
          definition: definitionText(extension),
          updated_at: extension.updatedAt,
        })
        .where('organization_id', '=', extension.organizationId)
        .where('id', '=', extension.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await saveVersion(extension);
      return true;
    },
    async delete(scope, id) {
      const result = await db
        .deleteFrom('schema_extensions')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list(scope) {
      const rows = await db
        .selectFrom('schema_extensions')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .orderBy('urn_key')
        .execute();
      return rows.map(toExtension);
    },
    async findById(scope, id) {
      const row = await db
        .selectFrom('schema_extensions')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toExtension(row) : undefined;
    },
    async findByUrn(scope, urn) {
      const row = await db
        .selectFrom('schema_extensions')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('urn_key', '=', urn.toLowerCase())
        .executeTakeFirst();
      return row ? toExtension(row) : undefined;
    },
    async findByUrns(scope, urns) {
      if (urns.length === 0) return [];
      const rows = await db
        .selectFrom('schema_extensions')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where(
          'urn_key',
          'in',
          urns.map((u) => u.toLowerCase()),
        )
        .orderBy('urn_key')
        .execute();
      return rows.map(toExtension);
    },
    async findBreaks(scope, integrationIds, resourceType, check, limit) {
      if (integrationIds.length === 0) return { breaks: [], total: 0 };
      const live = (alias: string) =>
        sql<SqlBool>`${sql.ref(`${alias}.organization_id`)} = ${scope.organizationId} and ${sql.ref(`${alias}.resource_type`)} = ${resourceType} and ${sql.ref(`${alias}.deleted_at`)} is null`;
      // Each integration's live resources are a range of scim_resources_live_order; the JSON test
      // runs on that range only, and the answer is capped (the count is one more indexed pass).
      const condition = breakCondition(dialect, check);
      const inIntegrations = sql<SqlBool>`r.integration_id in (${sql.join(integrationIds)})`;
      const rows = await sql<{
        id: string;
        integration_id: string;
      }>`select r.id, r.integration_id from scim_resources as r where ${inIntegrations} and ${live('r')} and ${condition} order by r.integration_id, r.created_at, r.id limit ${limit}`.execute(
        db,
      );
      const counted = await sql<{
        n: number | string;
      }>`select count(*) as n from scim_resources as r where ${inIntegrations} and ${live('r')} and ${condition}`.execute(
        db,
      );
      const attribute = check.path.join(':');
      const breaks: DataBreak[] = rows.rows.map((row) => ({
        resourceId: row.id,
        integrationId: row.integration_id,
        attribute,
        reason: check.reason,
      }));
      return { breaks, total: Number(counted.rows[0]?.n ?? 0) };
    },
  };
}

/** The SQL test, over `scim_resources as r`, that a resource's data fails `check`. */
function breakCondition(dialect: StoreDialect, check: DataCheck): RawBuilder<SqlBool> {
  const data = sql.ref('r.data');
  const value = dialect.jsonValue(data, check.path);
  switch (check.kind) {
    case 'present':
      return sql<SqlBool>`${value} is not null`;
    case 'missing':
      return sql<SqlBool>`${dialect.jsonValue(data, check.path.slice(0, 1))} is not null and ${value} is null`;
    case 'notIn': {
      const fold = (e: RawBuilder<unknown>) => (check.caseExact ? e : dialect.fold(e));
      const allowed = sql.join(check.values.map((v) => (check.caseExact ? v : v.toLowerCase())));
      if (!check.multiValued) {
        const scalar = dialect.jsonScalar(data, check.path);
        return sql<SqlBool>`${scalar} is not null and ${fold(scalar)} not in (${allowed})`;
      }
      const element = dialect.elementText(sql.ref('e.value'));
      return sql<SqlBool>`exists (select 1 from ${dialect.jsonArrayElements(data, check.path, 'e')} where ${fold(element)} not in (${allowed}))`;
    }
    case 'duplicate': {
      const mine = dialect.fold(dialect.jsonScalar(data, check.path));
      const theirs = dialect.fold(dialect.jsonScalar(sql.ref('o.data'), check.path));
      return sql<SqlBool>`${mine} is not null and exists (select 1 from scim_resources as o where o.integration_id = r.integration_id and o.organization_id = r.organization_id and o.resource_type = r.resource_type and o.deleted_at is null and o.id <> r.id and ${theirs} = ${mine})`;
    }
  }
}
