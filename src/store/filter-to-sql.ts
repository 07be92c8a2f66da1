import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ComparisonOperator, FilterValue, ResolvedFilter } from '../core/filter/filter-ast.js';
import type { ResolvedPath } from '../core/path/attribute-path.js';
import type { AttributeDefinition } from '../core/schema/attribute-definition.js';
import type { ResourceTypeName } from '../core/schema/resource-types.js';
import type { StoreDialect } from './dialect.js';

type Expression = RawBuilder<unknown>;
type Condition = RawBuilder<SqlBool>;

/** An expression for a value, and whether it is already case-folded (an indexed key column). */
export interface Operand {
  readonly expression: Expression;
  readonly folded: boolean;
  /** A NOT NULL column: keyset conditions can use a plain row-value comparison on it. */
  readonly notNull?: boolean;
}

/** Where sub-attributes of the current multi-valued element come from. */
type ElementSource = (subAttribute: string) => Operand;

const resource = sql.ref('r');
const data = sql.ref('r.data');

/**
 * Compiles a resolved filter to a parameterised SQL condition over `scim_resources as r`.
 * Values are always bound parameters; identifiers come from the schema. The semantics mirror
 * src/core/filter/evaluate-filter.ts, which serves as the oracle in the store tests.
 */
export function filterToSql(
  filter: ResolvedFilter,
  type: ResourceTypeName,
  dialect: StoreDialect,
  baseUrl: string,
  integrationId: string,
): Condition {
  return new FilterCompiler(type, dialect, baseUrl, integrationId).compile(filter, undefined);
}

/** The SQL operand of a singular attribute path (indexed column where there is one), for sorting. */
export function singularOperand(
  path: ResolvedPath,
  type: ResourceTypeName,
  dialect: StoreDialect,
  baseUrl: string,
): Operand {
  return new FilterCompiler(type, dialect, baseUrl, '').singular(path);
}

/** The path of a multi-valued attribute inside the JSON document (extension attributes under their URN). */
export function jsonPathOf(path: ResolvedPath): string[] {
  return path.isExtension ? [path.schemaUrn, path.attribute.name] : [path.attribute.name];
}

class FilterCompiler {
  private aliasCounter = 0;
  private readonly type: ResourceTypeName;
  private readonly dialect: StoreDialect;
  /** The integration's SCIM base URL: meta.location and $ref values are derived from it, not stored. */
  private readonly baseUrl: string;

  /** The integration being queried: side tables (scim_emails) are entered by it, so their index serves. */
  private readonly integrationId: string;

  constructor(type: ResourceTypeName, dialect: StoreDialect, baseUrl: string, integrationId: string) {
    this.type = type;
    this.dialect = dialect;
    this.baseUrl = baseUrl;
    this.integrationId = integrationId;
  }

  compile(node: ResolvedFilter, element: ElementSource | undefined): Condition {
    switch (node.kind) {
      case 'and':
        return sql<SqlBool>`(${this.compile(node.left, element)} and ${this.compile(node.right, element)})`;
      case 'or':
        return sql<SqlBool>`(${this.compile(node.left, element)} or ${this.compile(node.right, element)})`;
      case 'not':
        return sql<SqlBool>`(not ${this.compile(node.filter, element)})`;
      case 'valuePath':
        return this.overElements(
          node.path,
          (source) => this.compile(node.filter, source),
          subAttributesIn(node.filter),
        );
      case 'present':
        return this.present(node.path, element);
      case 'compare':
        return this.compare(node.path, node.op, node.value, element);
    }
  }

  private present(path: ResolvedPath, element: ElementSource | undefined): Condition {
    const sub = path.subAttribute;
    if (element && sub) return presentValue(element(sub.name), sub);
    const attribute = path.attribute;
    if (this.isMembership(path)) {
      if (!sub) return this.overElements(path, () => sql<SqlBool>`1 = 1`);
      return this.overElements(path, (source) => presentValue(source(sub.name), sub));
    }
    if (attribute.multiValued) {
      // An element counts when any of its sub-attributes is present ([{"value": ""}] is not).
      if (!sub) return this.overElements(path, (source) => anyPresent(attribute, source));
      return this.overElements(path, (source) => presentValue(source(sub.name), sub), [sub.name]);
    }
    if (attribute.type === 'complex' && !sub) {
      return anyPresent(attribute, (name) =>
        this.singular({ ...path, subAttribute: findSub(attribute, name) }),
      );
    }
    return presentValue(this.singular(path), sub ?? attribute);
  }

  private compare(
    path: ResolvedPath,
    op: ComparisonOperator,
    value: FilterValue,
    element: ElementSource | undefined,
  ): Condition {
    const sub = path.subAttribute;
    if (element && sub) return this.comparison(element(sub.name), sub, op, value);
    if (path.attribute.multiValued) {
      // RFC 7644 §3.4.2.2: a multi-valued attribute matches when any of its values matches; without a
      // sub-attribute the comparison is on `value`. `ne` is `not eq`: no value equals.
      const subName = sub?.name ?? 'value';
      const definition =
        sub ?? path.attribute.subAttributes?.find((s) => s.name === 'value') ?? path.attribute;
      if (op === 'ne') {
        const anyEqual = this.overElements(
          path,
          (source) => this.comparison(source(subName), definition, 'eq', value),
          [subName],
        );
        return sql<SqlBool>`(not ${anyEqual})`;
      }
      return this.overElements(path, (source) => this.comparison(source(subName), definition, op, value), [
        subName,
      ]);
    }
    return this.comparison(this.singular(path), sub ?? path.attribute, op, value);
  }

  private comparison(
    operand: Operand,
    definition: AttributeDefinition,
    op: ComparisonOperator,
    value: FilterValue,
  ): Condition {
    if (value === null) {
      return op === 'ne'
        ? sql<SqlBool>`${operand.expression} is not null`
        : sql<SqlBool>`${operand.expression} is null`;
    }
    const foldCase = typeof value === 'string' && !definition.caseExact && definition.type !== 'dateTime';
    const isNumber =
      typeof value === 'number' && (definition.type === 'integer' || definition.type === 'decimal');
    const folded =
      foldCase && !operand.folded
        ? this.dialect.fold(operand.expression)
        : isNumber
          ? this.dialect.numeric(operand.expression)
          : operand.expression;
    // Ordering of strings is by code point, as the evaluator's; equality needs no collation.
    const ordered = typeof value === 'string' && ['gt', 'ge', 'lt', 'le'].includes(op);
    const left = ordered ? this.dialect.codePointOrder(folded) : folded;
    const right = this.parameter(definition, value, foldCase);
    // Every string contains, starts and ends with the empty string (SQL substr(x, -0) would not agree).
    if (value === '' && (op === 'co' || op === 'sw' || op === 'ew')) {
      return sql<SqlBool>`(${operand.expression} is not null)`;
    }
    switch (op) {
      case 'eq':
        return sql<SqlBool>`(${operand.expression} is not null and ${left} = ${right})`;
      case 'ne':
        return sql<SqlBool>`(${operand.expression} is null or ${left} <> ${right})`;
      case 'co':
        return sql<SqlBool>`(${operand.expression} is not null and ${this.dialect.contains(left, right)})`;
      case 'sw':
        return sql<SqlBool>`(${operand.expression} is not null and ${this.dialect.startsWith(left, right, codePointLength(String(value)))})`;
      case 'ew':
        return sql<SqlBool>`(${operand.expression} is not null and ${this.dialect.endsWith(left, right, codePointLength(String(value)))})`;
      case 'gt':
        return sql<SqlBool>`(${operand.expression} is not null and ${left} > ${right})`;
      case 'ge':
        return sql<SqlBool>`(${operand.expression} is not null and ${left} >= ${right})`;
      case 'lt':
        return sql<SqlBool>`(${operand.expression} is not null and ${left} < ${right})`;
      case 'le':
        return sql<SqlBool>`(${operand.expression} is not null and ${left} <= ${right})`;
    }
  }

  private parameter(
    definition: AttributeDefinition,
    value: string | number | boolean,
    foldCase: boolean,
  ): unknown {
    if (typeof value === 'boolean') return this.dialect.booleanParameter(value);
    if (typeof value === 'number') return value;
    if (definition.type === 'dateTime') return new Date(value).toISOString();
    return foldCase ? value.toLowerCase() : value;
  }

  /** An operand for a singular attribute: an indexed column where one exists, else the JSON value. */
  singular(path: ResolvedPath): Operand {
    const name = path.attribute.name;
    const sub = path.subAttribute?.name;
    if (!path.isExtension) {
      if (name === 'id') return { expression: sql.ref('r.id'), folded: false, notNull: true };
      if (name === 'externalId') return { expression: sql.ref('r.external_id'), folded: false };
      if (name === 'userName' && this.type === 'User') {
        return { expression: sql.ref('r.name_key'), folded: true, notNull: true };
      }
      if (name === 'displayName') {
        if (this.type === 'Group') return { expression: sql.ref('r.name_key'), folded: true, notNull: true };
        return { expression: sql.ref('r.display_name_key'), folded: true };
      }
      if (name === 'meta') return this.meta(sub);
    }
    return { expression: this.dialect.jsonScalar(data, this.jsonPath(path)), folded: false };
  }

  private meta(sub: string | undefined): Operand {
    switch (sub) {
      case 'created':
        return { expression: sql.ref('r.created_at'), folded: false, notNull: true };
      case 'lastModified':
        return { expression: sql.ref('r.last_modified'), folded: false, notNull: true };
      case 'resourceType':
        return { expression: sql.ref('r.resource_type'), folded: false };
      case 'version':
        return { expression: sql`('W/"' || ${sql.ref('r.version')} || '"')`, folded: false };
      case 'location':
        return {
          expression: sql`(${`${this.baseUrl}/${this.type}s/`} || ${sql.ref('r.id')})`,
          folded: false,
        };
      default:
        return { expression: sql`null`, folded: false };
    }
  }

  private jsonPath(path: ResolvedPath): string[] {
    const parts = path.isExtension ? [path.schemaUrn, path.attribute.name] : [path.attribute.name];
    if (path.subAttribute && !path.attribute.multiValued) parts.push(path.subAttribute.name);
    return parts;
  }

  private isMembership(path: ResolvedPath): boolean {
    const name = path.attribute.name;
    return (
      !path.isExtension &&
      ((this.type === 'Group' && name === 'members') || (this.type === 'User' && name === 'groups'))
    );
  }

  /** EXISTS over the elements of a multi-valued attribute: membership rows or JSON array elements. */
  private overElements(
    path: ResolvedPath,
    inner: (source: ElementSource) => Condition,
    subAttributes: readonly string[] = ['*'],
  ): Condition {
    const alias = `e${this.aliasCounter++}`;
    if (this.isMembership(path)) return this.overMemberships(alias, inner);
    if (this.isIndexedEmails(path, subAttributes)) return this.overEmailRows(alias, inner);
    const elements = this.dialect.jsonArrayElements(data, this.jsonPath(path), alias);
    const elementValue = sql.ref(`${alias}.value`);
    const source: ElementSource = (sub) => ({
      expression: this.dialect.jsonScalar(elementValue, [sub]),
      folded: false,
    });
    return sql<SqlBool>`exists (select 1 from ${elements} where ${inner(source)})`;
  }

  /** emails.value and emails.type live in scim_emails too, case-folded and indexed by value. */
  private isIndexedEmails(path: ResolvedPath, subAttributes: readonly string[]): boolean {
    return (
      this.type === 'User' &&
      !path.isExtension &&
      path.attribute.name === 'emails' &&
      this.integrationId !== '' &&
      subAttributes.every((sub) => sub === 'value' || sub === 'type')
    );
  }

  /**
   * `r.id in (…)` rather than a correlated EXISTS: the planner starts from the email index and looks
   * the few matching users up by primary key, instead of testing every user.
   */
  private overEmailRows(alias: string, inner: (source: ElementSource) => Condition): Condition {
    const column = (name: string) => sql.ref(`${alias}.${name}`);
    const source: ElementSource = (sub) => ({
      expression: sub === 'value' ? column('value_key') : column('type_key'),
      folded: true,
    });
    return sql<SqlBool>`${resource}.id in (select ${column('resource_id')} from scim_emails as ${sql.raw(alias)} where ${column('integration_id')} = ${this.integrationId} and ${inner(source)})`;
  }

  private overMemberships(alias: string, inner: (source: ElementSource) => Condition): Condition {
    const m = (column: string) => sql.ref(`${alias}.${column}`);
    const groupsOfUser = this.type === 'User';
    const own = groupsOfUser ? m('member_id') : m('group_id');
    const other = groupsOfUser ? m('group_id') : m('member_id');
    const source: ElementSource = (sub) => {
      if (sub === 'value') return { expression: other, folded: false };
      if (sub === 'type') {
        return { expression: groupsOfUser ? sql`'direct'` : m('member_type'), folded: false };
      }
      if (sub === 'display') {
        // As the representation shows it: the member's displayName, else its userName.
        const related = `${alias}_r`;
        const relatedData = sql.ref(`${related}.data`);
        return {
          expression: sql`(select coalesce(${this.dialect.jsonScalar(relatedData, ['displayName'])}, ${this.dialect.jsonScalar(relatedData, ['userName'])}) from scim_resources as ${sql.raw(related)} where ${sql.ref(`${related}.id`)} = ${other})`,
          folded: false,
        };
      }
      if (sub === '$ref') {
        const endpoint = groupsOfUser
          ? sql`'Groups'`
          : sql`(case when ${m('member_type')} = 'User' then 'Users' else 'Groups' end)`;
        return { expression: sql`(${`${this.baseUrl}/`} || ${endpoint} || '/' || ${other})`, folded: false };
      }
      return { expression: sql`null`, folded: false };
    };
    return sql<SqlBool>`exists (select 1 from scim_memberships as ${sql.raw(alias)} where ${own} = ${resource}.id and ${inner(source)})`;
  }
}

function findSub(attribute: AttributeDefinition, name: string): AttributeDefinition | undefined {
  return attribute.subAttributes?.find((sub) => sub.name === name);
}

/** RFC 7643 §2.5 "unassigned": a complex value is present when any sub-attribute is. */
function anyPresent(attribute: AttributeDefinition, source: ElementSource): Condition {
  const subs = attribute.subAttributes ?? [];
  if (subs.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = subs.map((sub) => presentValue(source(sub.name), sub));
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

function presentValue(operand: Operand, definition: AttributeDefinition): Condition {
  if (definition.type === 'string' || definition.type === 'reference' || definition.type === 'binary') {
    return sql<SqlBool>`(${operand.expression} is not null and ${operand.expression} <> '')`;
  }
  return sql<SqlBool>`${operand.expression} is not null`;
}

/** SQL substr counts characters (code points), not UTF-16 units. */
function codePointLength(text: string): number {
  return [...text].length;
}

/** The sub-attribute names a value filter's inner expression uses. */
function subAttributesIn(filter: ResolvedFilter): string[] {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return [...subAttributesIn(filter.left), ...subAttributesIn(filter.right)];
    case 'not':
    case 'valuePath':
      return subAttributesIn(filter.filter);
    case 'compare':
    case 'present':
      return [filter.path.subAttribute?.name ?? '*'];
  }
}

/**
 * Whether a filter pins a handful of rows through an index (equality on id, externalId, userName,
 * displayName or an email value). Such queries should start from that index even when the list order
 * has an index of its own; the store tells SQLite so (see StoreDialect.withoutOrderIndex).
 */
export function isSelectiveFilter(filter: ResolvedFilter, type: ResourceTypeName): boolean {
  switch (filter.kind) {
    case 'and':
      return isSelectiveFilter(filter.left, type) || isSelectiveFilter(filter.right, type);
    case 'or':
      return isSelectiveFilter(filter.left, type) && isSelectiveFilter(filter.right, type);
    case 'valuePath':
      return (
        filter.path.attribute.name === 'emails' &&
        !filter.path.isExtension &&
        isSelectiveFilter(filter.filter, type)
      );
    case 'compare': {
      if (filter.op !== 'eq' || filter.path.isExtension) return false;
      const name = filter.path.attribute.name;
      const sub = filter.path.subAttribute?.name;
      if (name === 'emails') return sub === 'value' || sub === undefined;
      return sub === undefined && ['id', 'externalId', 'userName', 'displayName'].includes(name);
    }
    default:
      return false;
  }
}
