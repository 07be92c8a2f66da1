import type { ResolvedFilter } from '../../core/filter/filter-ast.js';
import { checkFilterCost, filterCost } from '../../core/filter/filter-cost.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { ScimContext } from './scim-context.js';

/**
 * Refuses a filter whose estimated cost at this integration's size is over the budget, before it runs
 * (issue 14: on SQLite a query blocks the event loop, so one costly filter stalled every request). A
 * filter that indexes answer (`userName eq`, `emails[type eq "work"].value eq`, `id eq … and members eq`)
 * costs nothing here; only a scanning one reads the counters: one statement of a few rows.
 */
export async function checkFilterBudget(
  context: ScimContext,
  typeName: ResourceTypeName,
  filter: ResolvedFilter | undefined,
): Promise<void> {
  if (filter === undefined) return;
  const cost = filterCost(filter);
  if (!cost.scans) return;
  const counts = await context.store.scimResources.liveCounts(context.scope);
  checkFilterCost(
    cost,
    { resources: typeName === 'User' ? counts.users : counts.groups, users: counts.users },
    context.settings.inputLimits.maxFilterCost,
  );
}
