/** The tenant boundary of directory data: every repository call that reads or writes it names it first. */
export interface OrganizationScope {
  readonly organizationId: string;
}

/** One integration of one organization: the boundary of every SCIM storage call. */
export interface IntegrationScope extends OrganizationScope {
  readonly integrationId: string;
}

/** The scope of an integration already known to belong to its organization. */
export function integrationScope(integration: {
  readonly id: string;
  readonly organizationId: string;
}): IntegrationScope {
  return { organizationId: integration.organizationId, integrationId: integration.id };
}
