import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, ScimResourcesTable } from './database-schema.js';

/** The columns a new resource row is written with, in the order the statement binds them. */
export const NEW_RESOURCE_COLUMNS = [
  'id',
  'organization_id',
  'integration_id',
  'resource_type',
  'name_key',
  'display_name_key',
  'external_id',
  'data',
  'version',
  'created_at',
  'last_modified',
  'create_hash',
] as const satisfies readonly (keyof ScimResourcesTable)[];

export interface EmailKeyRow {
  readonly value_key: string | null;
  readonly type_key: string | null;
}

const texts = new Map<number, string>();

/** One statement per number of emails, built once: the resource insert in a WITH clause, then its emails. */
function statementText(emails: number): string {
  const cached = texts.get(emails);
  if (cached) return cached;
  const columns = NEW_RESOURCE_COLUMNS.length;
  const resourceValues = NEW_RESOURCE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const emailValues = Array.from({ length: emails }, (_, i) => {
    const at = columns + 1 + i * 3;
    return `(cast($${at} as integer), cast($${at + 1} as text), cast($${at + 2} as text))`;
  }).join(', ');
  const text = `with r as (
      insert into scim_resources (${NEW_RESOURCE_COLUMNS.join(', ')}) values (${resourceValues})
      on conflict do nothing returning id, integration_id)
    insert into scim_emails (integration_id, resource_id, position, value_key, type_key)
    select r.integration_id, r.id, v.position, v.value_key, v.type_key
    from r cross join (values ${emailValues}) as v(position, value_key, type_key)
    returning resource_id`;
  texts.set(emails, text);
  return text;
}

/**
 * A new user and its email index rows in one statement, for engines with writable CTEs (PostgreSQL):
 * a create pays one round trip for both instead of two (issue 15). When the name is taken the resource
 * insert does nothing (no exception, so the transaction stays usable), the email insert then has no row
 * to join, and the answer is false, as the two-statement path answers.
 */
export async function insertResourceWithEmails(
  db: Kysely<Database>,
  row: Pick<ScimResourcesTable, (typeof NEW_RESOURCE_COLUMNS)[number]>,
  emails: readonly EmailKeyRow[],
): Promise<boolean> {
  const parameters: unknown[] = NEW_RESOURCE_COLUMNS.map((column) => row[column]);
  emails.forEach((email, position) => parameters.push(position, email.value_key, email.type_key));
  const result = await db.executeQuery(CompiledQuery.raw(statementText(emails.length), parameters));
  return result.rows.length > 0;
}
