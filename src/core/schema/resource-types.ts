import type { AttributeDefinition, SchemaDefinition } from './attribute-definition.js';
import { commonAttributes } from './common-attributes.js';
import { enterpriseUserSchema } from './enterprise-user-schema.js';
import { groupSchema } from './group-schema.js';
import { userSchema } from './user-schema.js';

export type ResourceTypeName = 'User' | 'Group';

export interface ResourceTypeDefinition {
  readonly name: ResourceTypeName;
  readonly endpoint: string;
  readonly description: string;
  readonly schema: SchemaDefinition;
  readonly extensions: readonly { readonly schema: SchemaDefinition; readonly required: boolean }[];
}

export const userResourceType: ResourceTypeDefinition = Object.freeze({
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: userSchema,
  extensions: Object.freeze([{ schema: enterpriseUserSchema, required: false }]),
});

export const groupResourceType: ResourceTypeDefinition = Object.freeze({
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: groupSchema,
  extensions: Object.freeze([]),
});

export const resourceTypes: readonly ResourceTypeDefinition[] = Object.freeze([
  userResourceType,
  groupResourceType,
]);

export const allSchemas: readonly SchemaDefinition[] = Object.freeze([
  userSchema,
  groupSchema,
  enterpriseUserSchema,
]);

export function resourceTypeNamed(name: ResourceTypeName): ResourceTypeDefinition {
  return name === 'User' ? userResourceType : groupResourceType;
}

/** Where an attribute lives: in the core schema (schemaUrn = core id) or an extension. */
export interface LocatedAttribute {
  readonly schemaUrn: string;
  readonly isExtension: boolean;
  readonly definition: AttributeDefinition;
}

/**
 * Looks a top-level attribute up by name, case-insensitively (RFC 7643 §2.1), optionally qualified by a
 * schema URN. Common attributes (id, externalId, meta) belong to the core schema.
 */
export function findAttribute(
  type: ResourceTypeDefinition,
  name: string,
  schemaUrn?: string,
): LocatedAttribute | undefined {
  const wanted = name.toLowerCase();
  const urn = schemaUrn?.toLowerCase();
  if (urn === undefined || urn === type.schema.id.toLowerCase()) {
    const definition =
      commonAttributes.find((a) => a.name.toLowerCase() === wanted) ??
      type.schema.attributes.find((a) => a.name.toLowerCase() === wanted);
    if (definition) return { schemaUrn: type.schema.id, isExtension: false, definition };
    if (urn !== undefined) return undefined;
  }
  for (const extension of type.extensions) {
    if (urn !== undefined && urn !== extension.schema.id.toLowerCase()) continue;
    const definition = extension.schema.attributes.find((a) => a.name.toLowerCase() === wanted);
    if (definition) return { schemaUrn: extension.schema.id, isExtension: true, definition };
  }
  return undefined;
}

export function findExtension(type: ResourceTypeDefinition, urn: string): SchemaDefinition | undefined {
  const wanted = urn.toLowerCase();
  return type.extensions.find((e) => e.schema.id.toLowerCase() === wanted)?.schema;
}

/**
 * A resource type with an integration's accepted custom extensions after its built-in ones (RFC 7643
 * §6 `schemaExtensions`, never required: an IdP that does not know them still provisions). Composed
 * from data only, so every schema-driven part of the core (coercion, paths, filters, PATCH,
 * projection) treats a custom attribute exactly like an enterprise one.
 */
export function withExtensions(
  base: ResourceTypeDefinition,
  extensions: readonly SchemaDefinition[],
): ResourceTypeDefinition {
  if (extensions.length === 0) return base;
  return Object.freeze({
    ...base,
    extensions: Object.freeze([
      ...base.extensions,
      ...extensions.map((schema) => Object.freeze({ schema, required: false })),
    ]),
  });
}
