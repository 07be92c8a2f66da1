import { parseListRequest, type ListParameters, type ListRequest } from '../../core/protocol/list-request.js';
import { cursorListResponse, listResponse, listResponseText } from '../../core/protocol/list-response.js';
import type { JsonText } from '../../core/resource/json-text.js';
import { projectionWants, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { ListPage } from '../model/scim-resource.js';
import { representResource } from './get-resource.js';
import { resourceRepresentationText } from './resource-representation.js';
import { decodeCursor, encodeCursor, queryHash, type CursorBinding } from './list-cursor.js';
import { filterOptionsOf, resourceTypeOf, type ScimContext } from './scim-context.js';
import { checkFilterBudget } from './check-filter-budget.js';
import { userNameLookedUp } from './user-read-ahead.js';

/** RFC 7644 §3.4.2 (filter, sort, index pages, projection) and RFC 9865 (cursor pages). */
export async function listResources(
  context: ScimContext,
  typeName: ResourceTypeName,
  parameters: ListParameters,
): Promise<JsonText> {
  const request = parseListRequest(
    resourceTypeOf(context, typeName),
    parameters,
    context.settings.pageLimits,
    filterOptionsOf(context),
    context.settings.inputLimits,
  );
  await checkFilterBudget(context, typeName, request.filter);
  const pagination = request.pagination;
  // Hashed only when a page position or a cursor needs it: a lookup (`userName eq`, one result, one
  // page) never does, and the hash was a few percent of its CPU (issue 15).
  let binding: CursorBinding | undefined;
  const bindingOf = (): CursorBinding =>
    (binding ??= {
      integrationId: context.scope.integrationId,
      queryHash: queryHash([
        typeName,
        parameters.filter,
        parameters.sortBy,
        parameters.sortOrder?.toLowerCase(),
      ]),
    });
  const now = context.clock.now().getTime();
  if (pagination.kind === 'index') {
    const { startIndex, count } = pagination;
    // An IdP's lookup, whose one possible match authentication has read already (user-read-ahead.ts).
    const userName =
      typeName === 'User' && startIndex === 1 && count >= 1 ? userNameLookedUp(request.filter) : undefined;
    const lookedUp = userName === undefined ? undefined : context.userReadAhead?.take({ userName });
    if (lookedUp) {
      const found = lookedUp.user;
      const resources = found
        ? await represent(
            context,
            { resources: [found.user] },
            request.projection,
            new Map([[found.user.id, found.groups]]),
          )
        : [];
      return listResponseText(listResponse(resources, resources.length, startIndex));
    }
    const positions = context.pagePositions;
    const walkOf = () => `${bindingOf().integrationId}/${bindingOf().queryHash}`;
    const after = startIndex > 1 ? positions.recall(walkOf(), startIndex, now) : undefined;
    const page = await query(context, typeName, request, {
      page: after
        ? { kind: 'keyset', after, backward: false, limit: count }
        : { kind: 'offset', offset: startIndex - 1, limit: count },
      withTotal: true,
    });
    const last = page.keys.at(-1);
    if (last && page.resources.length === count) positions.remember(walkOf(), startIndex + count, last, now);
    const resources = await represent(context, page, request.projection);
    return listResponseText(listResponse(resources, page.totalResults ?? resources.length, startIndex));
  }

  const key = context.settings.cursorSigningKey;
  const state = pagination.cursor === '' ? undefined : decodeCursor(key, bindingOf(), pagination.cursor, now);
  const backward = state?.backward ?? false;
  const page = await query(context, typeName, request, {
    page: { kind: 'keyset', after: state?.key, backward, limit: pagination.count },
    withTotal: state === undefined,
  });
  const totalResults = state ? state.totalResults : page.totalResults;
  const expiresAt = now + context.settings.cursorTimeoutSeconds * 1000;
  const cursorAt = (index: number, towardsStart: boolean) => {
    const at = page.keys.at(index);
    return at && encodeCursor(key, bindingOf(), { key: at, backward: towardsStart, totalResults }, expiresAt);
  };
  // Walking forwards, more rows ahead means a next page; having come from a cursor means a previous one.
  // Walking backwards it is the mirror image.
  const moreAfter = backward ? state !== undefined : page.hasMore;
  const moreBefore = backward ? page.hasMore : state !== undefined;
  const resources = await represent(context, page, request.projection);
  return listResponseText(
    cursorListResponse(resources, totalResults, {
      next: moreAfter ? cursorAt(-1, false) : undefined,
      previous: moreBefore ? cursorAt(0, true) : undefined,
    }),
  );
}

function query(
  context: ScimContext,
  typeName: ResourceTypeName,
  request: ListRequest,
  paging: Pick<Parameters<ScimContext['store']['scimResources']['list']>[2], 'page' | 'withTotal'>,
): Promise<ListPage> {
  return context.store.scimResources.list(context.scope, typeName, {
    filter: request.filter,
    baseUrl: context.baseUrl,
    sort: request.sort,
    ...paging,
  });
}

/** The JSON text of each resource of a page, in order. */
async function represent(
  context: ScimContext,
  page: Pick<ListPage, 'resources' | 'attributesText'>,
  projection: Projection,
  /** The users' groups when already read (every user of the page in it). */
  knownGroups?: ReadonlyMap<string, readonly { id: string; displayName: string }[]>,
): Promise<string[]> {
  const { resources, attributesText } = page;
  const first = resources[0];
  if (first?.resourceType === 'User') {
    // One query for the groups of the whole page, not one per user.
    const wanted = projectionWants(projection, resourceTypeOf(context, 'User').schema.id, 'groups');
    const groups = !wanted
      ? new Map<string, readonly { id: string; displayName: string }[]>()
      : (knownGroups ??
        (await context.store.scimResources.groupsOfMany(
          context.scope,
          resources.map((r) => r.id),
        )));
    return resources.map((stored, position) =>
      resourceRepresentationText(
        context.baseUrl,
        resourceTypeOf(context, 'User'),
        stored,
        attributesText?.[position],
        wanted ? { groups: groups.get(stored.id) ?? [] } : {},
        projection,
      ),
    );
  }
  const out: string[] = [];
  for (const stored of resources)
    out.push(JSON.stringify(await representResource(context, stored, projection)));
  return out;
}
