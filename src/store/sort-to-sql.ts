import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SortOrder } from '../core/protocol/list-request.js';
import type { ResourceTypeName } from '../core/schema/resource-types.js';
import type { SortKey } from '../directory/model/scim-resource.js';
import type { StoreDialect } from './dialect.js';
import { jsonPathOf, singularOperand } from './filter-to-sql.js';

type Expression = RawBuilder<unknown>;

/** The sort key of a list: an expression, and whether it can be null. */
export interface SortKeyExpression {
  readonly expression: Expression;
  readonly nullable: boolean;
  readonly descending: boolean;
}

const ID = sql.ref('r.id');
const CREATED = sql.ref('r.created_at');

/**
 * RFC 7644 §3.4.2.3: sort by a singular attribute, a multi-valued one by its primary value (else its
 * first); case-insensitive strings sort folded; strings in code-point order; unassigned values last.
 * Without sortBy, lists are in creation order. The id breaks ties, so pages never repeat or skip rows.
 */
export function sortKeyExpression(
  sort: SortOrder | undefined,
  type: ResourceTypeName,
  dialect: StoreDialect,
  baseUrl: string,
): SortKeyExpression {
  if (!sort) return { expression: CREATED, nullable: false, descending: false };
  const path = sort.path;
  const target = path.subAttribute ?? path.attribute;
  let expression: Expression;
  let nullable = true;
  let folded = false;
  const membership =
    !path.isExtension &&
    ((type === 'Group' && path.attribute.name === 'members') ||
      (type === 'User' && path.attribute.name === 'groups'));
  if (membership) {
    expression = sql`null`;
  } else if (path.attribute.multiValued) {
    const sub = path.subAttribute?.name ?? 'value';
    expression = dialect.primaryElementValue(sql.ref('r.data'), jsonPathOf(path), sub);
  } else {
    const operand = singularOperand(path, type, dialect, baseUrl);
    expression = operand.expression;
    nullable = !operand.notNull;
    folded = operand.folded;
  }
  const isText = target.type === 'string' || target.type === 'reference' || target.type === 'binary';
  if (isText && !target.caseExact && !folded) expression = dialect.fold(expression);
  if (isText) expression = dialect.codePointOrder(expression);
  if (target.type === 'integer' || target.type === 'decimal') expression = dialect.numeric(expression);
  return { expression, nullable, descending: sort.descending };
}

/** ORDER BY terms for walking the list forwards, or backwards (the exact reverse). */
export function orderByTerms(
  key: SortKeyExpression,
  backward: boolean,
  wrap: (expression: Expression) => Expression = (e) => e,
): Expression {
  const descending = key.descending !== backward;
  const direction = sql.raw(descending ? 'desc' : 'asc');
  // Unassigned values sort last in list order, so first when walking backwards.
  const nulls = key.nullable
    ? sql`(${key.expression} is null) ${sql.raw(backward ? 'desc' : 'asc')}, `
    : sql``;
  return sql`${nulls}${wrap(key.expression)} ${direction}, ${wrap(ID)} ${direction}`;
}

/** Rows strictly after `after` in the walk's order (forwards or backwards). */
export function keysetCondition(
  key: SortKeyExpression,
  after: SortKey,
  backward: boolean,
): RawBuilder<SqlBool> {
  const descending = key.descending !== backward;
  const beyond = sql.raw(descending ? '<' : '>');
  const k = key.expression;
  if (!key.nullable) {
    // A row-value comparison the (…, created_at, id) index serves directly.
    return sql<SqlBool>`(${k}, ${ID}) ${beyond} (${after.value}, ${after.id})`;
  }
  const nullsAhead = backward; // walking backwards, the null block comes first
  if (after.value === null) {
    const sameBlock = sql<SqlBool>`(${k} is null and ${ID} ${beyond} ${after.id})`;
    return nullsAhead ? sql<SqlBool>`(${k} is not null or ${sameBlock})` : sameBlock;
  }
  const inValues = sql<SqlBool>`(${k} is not null and (${k} ${beyond} ${after.value} or (${k} = ${after.value} and ${ID} ${beyond} ${after.id})))`;
  return nullsAhead ? inValues : sql<SqlBool>`(${inValues} or ${k} is null)`;
}
