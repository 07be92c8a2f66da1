import type { DirectoryDeps } from '../directory-deps.js';
import { err, ok, type Result } from '../../core/result.js';
import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { Problem } from '../directory-error.js';
import type { Identity, IdentityQuery, IdentityStatus } from '../model/identity.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

export interface IdentityListInput {
  readonly status?: string | undefined;
  readonly integrationId?: string | undefined;
  readonly groupId?: string | undefined;
  readonly attribute?: string | undefined;
  readonly text?: string | undefined;
  readonly afterId?: string | undefined;
  readonly limit?: number | undefined;
}

export interface IdentityPage {
  readonly identities: readonly Identity[];
  /** Pass as `afterId` for the next page; undefined on the last page. */
  readonly next: string | undefined;
  /** Names of the integrations the listed identities come from, by id. */
  readonly integrationNames: ReadonlyMap<string, string>;
}

const statuses: readonly IdentityStatus[] = ['active', 'disabled', 'deleted'];
export const DEFAULT_IDENTITY_PAGE = 50;
export const MAX_IDENTITY_PAGE = 1000;

/** The query, checked (every problem at once); empty filters are no filters. */
export function checkIdentityQuery(input: IdentityListInput): Result<IdentityQuery, Problem[]> {
  const problems: Problem[] = [];
  const limit = input.limit ?? DEFAULT_IDENTITY_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_IDENTITY_PAGE) {
    problems.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_IDENTITY_PAGE}` });
  }
  if (input.status !== undefined && !statuses.includes(input.status as IdentityStatus)) {
    problems.push({ field: 'status', message: `status must be one of ${statuses.join(', ')}` });
  }
  if (problems.length > 0) return err(problems);
  const query: { -readonly [K in keyof IdentityQuery]: IdentityQuery[K] } = { limit };
  if (input.status !== undefined) query.status = input.status as IdentityStatus;
  const given = (text: string | undefined) =>
    text === undefined || text.trim() === '' ? undefined : text.trim();
  const integrationId = given(input.integrationId);
  const groupId = given(input.groupId);
  const attribute = given(input.attribute);
  const text = given(input.text);
  const afterId = given(input.afterId);
  if (integrationId) query.integrationId = integrationId;
  if (groupId) query.groupId = groupId;
  if (attribute) query.attribute = attribute;
  if (text) query.text = text;
  if (afterId) query.afterId = afterId;
  return ok(query);
}

/** One page of the organization's identities in id order, filtered. */
export async function listIdentities(
  deps: DirectoryDeps,
  organizationId: string,
  input: IdentityListInput,
): Promise<IdentityPage> {
  const { store } = deps;
  const checked = checkIdentityQuery(input);
  if (!checked.ok) throw new InvalidDirectoryInput('invalid_query', checked.error);
  const query = checked.value;
  // Filters naming another tenant's integration or group are "not found", not an empty page.
  if (query.integrationId) await integrationInOrganization(store, organizationId, query.integrationId);
  if (query.groupId && !(await store.directoryGroups.findById({ organizationId }, query.groupId))) {
    throw new DirectoryNotFound('group_not_found', `No directory group with id "${query.groupId}".`);
  }
  // One row more than asked tells whether another page follows.
  const rows = await store.identities.list({ organizationId }, { ...query, limit: query.limit + 1 });
  const identities = rows.slice(0, query.limit);
  const integrationNames = new Map(
    (await store.integrations.list({ organizationId })).map((i) => [i.id, i.name] as const),
  );
  return {
    identities,
    next: rows.length > query.limit ? identities.at(-1)?.id : undefined,
    integrationNames,
  };
}
