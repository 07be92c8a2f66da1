import type { DataCheck } from '../../core/schema/extension-narrowing.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { OrganizationScope } from '../model/scope.js';
import type { SchemaExtension } from '../model/schema-extension.js';

/** Resources whose stored data a narrower definition would break, found by indexed, capped queries. */
export interface DataBreak {
  readonly resourceId: string;
  readonly integrationId: string;
  readonly attribute: string;
  readonly reason: string;
}

export interface SchemaExtensionRepository {
  /** False when the organization already has an extension of this URN (in any case). */
  insert(extension: SchemaExtension): Promise<boolean>;
  /** Saves a new version if the current one is still `expectedVersion` (false: someone else saved). */
  replace(extension: SchemaExtension, expectedVersion: number): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  list(scope: OrganizationScope): Promise<readonly SchemaExtension[]>;
  findById(scope: OrganizationScope, id: string): Promise<SchemaExtension | undefined>;
  findByUrn(scope: OrganizationScope, urn: string): Promise<SchemaExtension | undefined>;
  /** The extensions of these URNs (case-insensitive); unknown ones are left out. */
  findByUrns(scope: OrganizationScope, urns: readonly string[]): Promise<readonly SchemaExtension[]>;
  /**
   * Resources of the organization's integrations listed (of this type, under the extension's URN) that
   * a check finds, at most `limit`, with the total count of such resources.
   */
  findBreaks(
    scope: OrganizationScope,
    integrationIds: readonly string[],
    resourceType: ResourceTypeName,
    check: DataCheck,
    limit: number,
  ): Promise<{ readonly breaks: readonly DataBreak[]; readonly total: number }>;
}
