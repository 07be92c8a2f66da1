import type { AdminErrorDetail } from './admin-api-error.js';

/** A schema validation error as TypeBox (and Ajv) report it. */
export interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string | undefined;
}

const locations: ReadonlyMap<string, AdminErrorDetail['location']> = new Map([
  ['body', 'body'],
  ['querystring', 'query'],
  ['params', 'path'],
]);

/**
 * Turns schema validation errors into one detail per bad field, named as a dotted path
 * (`/attributeSources/groups` becomes `attributeSources.groups`). Unions report the errors of the one
 * branch whose type the value has, else one "must be X or Y" for the field.
 */
export function validationDetails(
  issues: readonly ValidationIssue[],
  context: string | undefined,
): AdminErrorDetail[] {
  const location = context === undefined ? undefined : locations.get(context);
  const details: AdminErrorDetail[] = [];
  const seen = new Set<string>();
  const add = (field: string, message: string) => {
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    details.push({ ...(field === '' ? {} : { field }), ...(location ? { location } : {}), message });
  };
  for (const issue of chosenIssues(issues)) {
    const base = fieldOf(issue.instancePath);
    switch (issue.keyword) {
      case 'required':
        for (const name of stringList(issue.params.requiredProperties ?? issue.params.missingProperty)) {
          add(join(base, name), 'is required');
        }
        break;
      case 'additionalProperties':
        for (const name of stringList(issue.params.additionalProperties ?? issue.params.additionalProperty)) {
          add(join(base, name), 'is not a known field');
        }
        break;
      case 'enum':
        add(base, `must be one of ${stringList(issue.params.allowedValues).join(', ')}`);
        break;
      case 'minProperties':
        add(base, 'must name at least one field');
        break;
      case 'anyOf':
        add(base, unionMessage(issues, issue));
        break;
      default:
        add(base, issue.message ?? `fails ${issue.keyword}`);
    }
  }
  return details;
}

/** The issues worth reporting: union branches are resolved, and `additionalProperties: false` reported once. */
function chosenIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const chosen: ValidationIssue[] = [];
  for (const issue of issues) {
    // TypeBox reports an unknown property twice: as a failed `false` schema and as additionalProperties.
    if (issue.keyword === 'boolean' && issue.schemaPath.endsWith('/additionalProperties')) continue;
    if (insideUnion(issue.schemaPath)) continue;
    if (issue.keyword === 'anyOf') {
      const branch = fittingBranch(issues, issue);
      if (branch) {
        chosen.push(...chosenIssues(branch));
        continue;
      }
    }
    chosen.push(issue);
  }
  return chosen;
}

function insideUnion(schemaPath: string): boolean {
  return schemaPath.includes('/anyOf/');
}

/** The errors of the one union branch the value has the type of, if exactly one; its path prefix removed. */
function fittingBranch(
  issues: readonly ValidationIssue[],
  union: ValidationIssue,
): ValidationIssue[] | undefined {
  const prefix = `${union.schemaPath}/anyOf/`;
  const branches = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (!issue.schemaPath.startsWith(prefix)) continue;
    const index = issue.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    branches.set(index, [...(branches.get(index) ?? []), issue]);
  }
  const fitting = [...branches.values()].filter(
    (errors) =>
      !errors.some(
        (e) => e.instancePath === union.instancePath && ['type', 'const', 'enum'].includes(e.keyword),
      ),
  );
  const only = fitting.length === 1 ? fitting[0] : undefined;
  // Nested unions inside the branch keep their own `anyOf/` segments; strip this union's, so they count.
  return only?.map((e) => ({
    ...e,
    schemaPath: `${union.schemaPath}${e.schemaPath.slice(prefix.length).replace(/^\d+/, '')}`,
  }));
}

function unionMessage(issues: readonly ValidationIssue[], union: ValidationIssue): string {
  const prefix = `${union.schemaPath}/anyOf/`;
  const kinds = issues
    .filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath === union.instancePath)
    .map((e) => {
      if (e.keyword === 'type') return stringList(e.params.type).join(' or ');
      if (e.keyword === 'const') return JSON.stringify(e.params.allowedValue);
      if (e.keyword === 'enum') return stringList(e.params.allowedValues).join(', ');
      return undefined;
    })
    .filter((kind): kind is string => kind !== undefined && kind !== '');
  return kinds.length > 0 ? `must be ${[...new Set(kinds)].join(' or ')}` : 'does not match any allowed form';
}

function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined ? [] : [String(value)];
}
