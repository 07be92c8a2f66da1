import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { GroupMapping } from '../directory/model/directory-group.js';
import type { Identity, IdentitySource } from '../directory/model/identity.js';
import type { IndirectGroup } from '../directory/ports/group-hierarchy-repository.js';
import type { IntegrationScope } from '../directory/model/scope.js';
import type { SyncInputRows, SyncInputsRepository } from '../directory/ports/sync-inputs-repository.js';
import type {
  Database,
  GroupMappingsTable,
  IdentitiesTable,
  IdentitySourcesTable,
} from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { MAPPING_COLUMNS, mappingCandidateCondition, mappingFromRow } from './group-mapping-rows.js';
import { preparedQuery } from './prepared-query.js';
import {
  IDENTITY_COLUMNS,
  JSON_COLUMNS,
  SOURCE_COLUMNS,
  identityFromRow,
  sourceFromRow,
} from './identity-rows.js';

/** Users per statement: each id is bound three times, far below either engine's parameter limit. */
const USERS_PER_STATEMENT = 500;

type Kind = 'group' | 'mapping' | 'source' | 'name';
type Row = Record<string, unknown> & { kind: Kind };

/**
 * The four kinds of rows, one UNION ALL branch each. Every branch lists every column, NULL where it is
 * not its own, so the rows come back in one result; each NULL is cast to its column's type because
 * PostgreSQL resolves a union's column types pairwise and would take two bare NULLs for text.
 */
const COLUMNS: readonly { readonly name: string; readonly type: 'text' | 'integer' | 'json' }[] = [
  { name: 'member_id', type: 'text' },
  { name: 'group_id', type: 'text' },
  { name: 'display', type: 'text' },
  { name: 'inherited', type: 'integer' },
  ...MAPPING_COLUMNS.map((c) => ({ name: `m_${c}`, type: c === 'automatic' ? 'integer' : 'text' }) as const),
  ...SOURCE_COLUMNS.map((c) => ({ name: `s_${c}`, type: JSON_COLUMNS.has(c) ? 'json' : 'text' }) as const),
  ...IDENTITY_COLUMNS.map((c) => ({ name: `i_${c}`, type: JSON_COLUMNS.has(c) ? 'json' : 'text' }) as const),
  { name: 'n_scim_group_id', type: 'text' },
  { name: 'n_name', type: 'text' },
];

/**
 * The statement for a batch of users (`users` are values, or one placeholder when prepared): the rows
 * of all four kinds, unordered (sorted afterwards: an ORDER BY over the union cost a quarter of the
 * statement on SQLite). Both common tables are read more than once, so each is computed once
 * (`materialized`, SQLite 3.35 and PostgreSQL 12 on).
 */
function syncInputsStatement(dialect: StoreDialect) {
  const typeOf = { text: 'text', integer: 'integer', json: dialect.jsonColumnType } as const;
  const branch = (kind: Kind, own: Readonly<Record<string, RawBuilder<unknown>>>) =>
    sql.join(
      [
        sql`${sql.lit(kind)} as kind`,
        ...COLUMNS.map(
          ({ name, type }) =>
            sql`${own[name] ?? sql`cast(null as ${sql.raw(typeOf[type])})`} as ${sql.ref(name)}`,
        ),
      ],
      sql`, `,
    );
  const ref = (column: string) => sql.ref(column);
  const prefixed = (alias: string, prefix: string, columns: readonly string[]) =>
    Object.fromEntries(columns.map((c) => [`${prefix}${c}`, ref(`${alias}.${c}`)]));

  return (scope: IntegrationScope, users: readonly unknown[], nested: boolean) => {
    const ids = sql.join(users);
    const { integrationId, organizationId } = scope;
    const direct = sql`select m.member_id, m.group_id, ${dialect.jsonScalar(ref('r.data'), ['displayName'])} as display, 0 as inherited
      from scim_memberships as m inner join scim_resources as r on r.id = m.group_id
      where m.integration_id = ${integrationId} and m.member_id in (${ids})`;
    // Nested groups (docs/groups.md): the ancestors of the direct groups, from the maintained closure.
    const inherited = sql`select m.member_id, c.ancestor_id, ${dialect.jsonScalar(ref('a.data'), ['displayName'])}, 1
      from scim_memberships as m
      inner join scim_group_closure as c on c.integration_id = m.integration_id and c.descendant_id = m.group_id
      inner join scim_resources as a on a.id = c.ancestor_id
      where m.integration_id = ${integrationId} and c.organization_id = ${organizationId}
        and m.member_id in (${ids})`;
    return sql<Row>`
      with g as materialized (${direct}${nested ? sql` union all ${inherited}` : sql``}),
      linked as materialized (
        select o.*, ${sql.join(IDENTITY_COLUMNS.map((c) => sql`i.${sql.ref(c)} as ${sql.ref(`i_${c}`)}`))}
        from identity_sources as s
        inner join identity_sources as o on o.identity_id = s.identity_id
        inner join identities as i on i.id = o.identity_id and i.organization_id = s.organization_id
        where s.integration_id = ${integrationId} and s.organization_id = ${organizationId}
          and s.scim_resource_id in (${ids})
      )
      select ${branch('group', { member_id: ref('g.member_id'), group_id: ref('g.group_id'), display: ref('g.display'), inherited: ref('g.inherited') })}
      from g
      union all
      select ${branch('mapping', prefixed('m', 'm_', MAPPING_COLUMNS))}
      from group_mappings as m inner join integrations as it on it.id = m.integration_id
      where m.integration_id = ${integrationId} and it.organization_id = ${organizationId}
        and ${mappingCandidateCondition(sql`select g.group_id from g`, sql`select ${dialect.fold(ref('g.display'))} from g`)}
      union all
      select ${branch('source', {
        ...prefixed('linked', 's_', SOURCE_COLUMNS),
        ...prefixed(
          'linked',
          '',
          IDENTITY_COLUMNS.map((c) => `i_${c}`),
        ),
      })}
      from linked
      union all
      select ${branch('name', { n_scim_group_id: ref('n.scim_group_id'), n_name: ref('n.name'), i_id: ref('n.identity_id') })}
      from identity_group_names as n
      where n.identity_id in (select linked.identity_id from linked)`;
  };
}

// The usual batch, one user (a PATCH, a member add): built and compiled once per engine (issue 15).
const preparedFor = (nested: boolean) =>
  preparedQuery((_db, p: IntegrationScope & { userId: string }, dialect) =>
    syncInputsStatement(dialect)(p, [p.userId], nested),
  );
const oneUser = preparedFor(false);
const oneUserNested = preparedFor(true);

export function syncInputsRepository(db: Kysely<Database>, dialect: StoreDialect): SyncInputsRepository {
  const statement = syncInputsStatement(dialect);
  const read = async (scope: IntegrationScope, users: readonly string[], nested: boolean) => {
    const [only] = users;
    if (users.length === 1 && only !== undefined)
      return (nested ? oneUserNested : oneUser).rows(db, dialect, { ...scope, userId: only });
    return (await statement(scope, users, nested).execute(db)).rows;
  };
  return {
    async of(scope, userIds, { nested }) {
      const direct = new Map<string, IndirectGroup[]>();
      const inherited = new Map<string, IndirectGroup[]>();
      const sources: IdentitySource[] = [];
      const identities = new Map<string, Identity>();
      const firstSeenNames = new Map<string, Map<string, string>>();
      const mappings = new Map<string, GroupMapping>();
      const unique = [...new Set(userIds)];
      for (let at = 0; at < unique.length; at += USERS_PER_STATEMENT) {
        const batch = unique.slice(at, at + USERS_PER_STATEMENT);
        for (const row of await read(scope, batch, nested)) {
          switch (row.kind) {
            case 'group': {
              const into = Number(row.inherited) === 1 ? inherited : direct;
              const memberId = String(row.member_id);
              const list = into.get(memberId) ?? [];
              list.push({ id: String(row.group_id), displayName: String(row.display ?? '') });
              into.set(memberId, list);
              break;
            }
            case 'mapping': {
              const mapping = mappingFromRow(unprefixed(row, 'm_') as unknown as GroupMappingsTable);
              mappings.set(mapping.id, mapping);
              break;
            }
            case 'source': {
              const source = sourceFromRow(unprefixed(row, 's_') as unknown as IdentitySourcesTable, dialect);
              sources.push(source);
              if (!identities.has(source.identityId))
                identities.set(
                  source.identityId,
                  identityFromRow(unprefixed(row, 'i_') as unknown as IdentitiesTable, dialect),
                );
              break;
            }
            case 'name': {
              const identityId = String(row.i_id);
              const names = firstSeenNames.get(identityId) ?? new Map<string, string>();
              names.set(String(row.n_scim_group_id), String(row.n_name));
              firstSeenNames.set(identityId, names);
              break;
            }
          }
        }
      }
      const groups: Map<string, { direct: IndirectGroup[]; inherited: IndirectGroup[] }> = new Map();
      for (const [userId, listed] of direct) {
        listed.sort((a, b) => byText(a.id, b.id));
        // An ancestor reached twice, or one that also lists the user, is inherited once or not at all.
        const ids = new Set(listed.map((g) => g.id));
        const seen = new Set<string>();
        const above = (inherited.get(userId) ?? [])
          .filter((g) => !ids.has(g.id) && !seen.has(g.id) && seen.add(g.id))
          .sort((a, b) => byText(a.id, b.id));
        groups.set(userId, { direct: listed, inherited: above });
      }
      // Oldest first, as every other reader of sources orders them.
      sources.sort((a, b) => byText(a.createdAt, b.createdAt) || byText(a.integrationId, b.integrationId));
      return {
        groups,
        sources,
        identities: [...identities.values()],
        firstSeenNames,
        mappingCandidates: [...mappings.values()],
      } satisfies SyncInputRows;
    },
  };
}

/** Code-unit order: ids and ISO timestamps have one fixed shape, so this is also the databases' order. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unprefixed(row: Row, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = row[key];
  return out;
}
