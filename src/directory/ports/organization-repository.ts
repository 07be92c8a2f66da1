import type { OrganizationSettings } from '../model/organization-settings.js';
import type { Organization } from '../model/organization.js';
import type { OrganizationScope } from '../model/scope.js';

export interface OrganizationRepository {
  findByName(name: string): Promise<Organization | undefined>;
  findById(id: string): Promise<Organization | undefined>;
  /** Every organization, by name. */
  list(): Promise<readonly Organization[]>;
  /** Creates the organization unless one of that name exists; returns it either way. */
  ensure(organization: Organization): Promise<Organization>;
  count(): Promise<number>;
  /** The organization's settings (every default when none were saved). */
  settings(scope: OrganizationScope): Promise<OrganizationSettings>;
  saveSettings(scope: OrganizationScope, settings: OrganizationSettings): Promise<boolean>;
  /** Deletes it and, through the foreign keys, everything that belongs to it. */
  delete(id: string): Promise<boolean>;
}
