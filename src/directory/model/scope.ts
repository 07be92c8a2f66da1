/** The tenant boundary of directory data: every repository call that reads or writes it names it first. */
export interface OrganizationScope {
  readonly organizationId: string;
}

/** One integration of one organization: the boundary of every SCIM storage call. */
export interface IntegrationScope extends OrganizationScope {
  readonly integrationId: string;
}
