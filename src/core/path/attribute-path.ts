import type { AttributeDefinition } from '../schema/attribute-definition.js';

/**
 * An attribute path as written (RFC 7644 §3.10 `attrPath`): an optional schema URN, an attribute name and
 * an optional sub-attribute. Names keep the client's spelling; resolution binds them to the schema.
 */
export interface AttributePath {
  readonly kind: 'attributePath';
  readonly schemaUrn: string | undefined;
  readonly attribute: string;
  readonly subAttribute: string | undefined;
}

/** A path bound to the schema: canonical names and the definitions that govern comparison and mutability. */
export interface ResolvedPath {
  readonly kind: 'resolvedPath';
  readonly schemaUrn: string;
  readonly isExtension: boolean;
  readonly attribute: AttributeDefinition;
  readonly subAttribute: AttributeDefinition | undefined;
}
