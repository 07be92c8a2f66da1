import type { ExtensionSchema } from '../../core/schema/extension-schema.js';

/** An organization's custom schema extension (issue 19) at its current version. */
export interface SchemaExtension {
  readonly id: string;
  readonly organizationId: string;
  /** Starts at 1; every replacement adds one (earlier versions are kept). */
  readonly version: number;
  readonly definition: ExtensionSchema;
  readonly createdAt: string;
  readonly updatedAt: string;
}
