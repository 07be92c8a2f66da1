import { attributeJson, type SchemaDefinition } from '../schema/attribute-definition.js';
import { commonAttributes } from '../schema/common-attributes.js';
import { resourceTypes, type ResourceTypeDefinition } from '../schema/resource-types.js';
import {
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
} from '../schema/schema-urns.js';
import type { JsonObject } from '../resource/json.js';

/** What the server supports today; discovery must tell the truth (RFC 7643 §5). */
export interface ServiceCapabilities {
  readonly patch: boolean;
  readonly bulk: {
    readonly supported: boolean;
    readonly maxOperations: number;
    readonly maxPayloadSize: number;
  };
  readonly filter: { readonly supported: boolean; readonly maxResults: number };
  readonly sort: boolean;
  readonly etag: boolean;
  readonly pagination: {
    readonly cursor: boolean;
    readonly index: boolean;
    readonly defaultPageSize: number;
    readonly maxPageSize: number;
    readonly cursorTimeout: number;
  };
  readonly documentationUri: string;
}

/** RFC 7643 §5 `authenticationSchemes`: the integration's static bearer token, always accepted. */
export const staticTokenScheme: JsonObject = Object.freeze({
  type: 'oauthbearertoken',
  name: 'OAuth Bearer Token',
  description: 'Authentication with the integration bearer token (RFC 6750).',
  specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
  primary: true,
});

/** An integration that also accepts OAuth 2.0 JWT access tokens (RFC 9068) from an issuer says so. */
export function accessTokenScheme(issuer: string): JsonObject {
  return {
    type: 'oauthbearertoken',
    name: 'OAuth 2.0 JWT access token',
    description: `An OAuth 2.0 access token in JWT form (RFC 9068) issued by ${issuer}, sent as a bearer token (RFC 6750).`,
    specUri: 'https://www.rfc-editor.org/rfc/rfc9068',
    primary: false,
  };
}

/**
 * RFC 9967 §4 `securityEvents`: present only when the service is configured for Security Events;
 * `asyncRequest` says whether asynchronous SCIM requests (§2.5.1.1) are offered, `eventUris` the SET
 * event URIs it can send.
 */
export interface SecurityEventsCapability {
  readonly asyncRequest: 'none' | 'long' | 'request';
  readonly eventUris: readonly string[];
}

export function serviceProviderConfigDocument(
  baseUrl: string,
  capabilities: ServiceCapabilities,
  authenticationSchemes: readonly JsonObject[] = [staticTokenScheme],
  securityEvents?: SecurityEventsCapability,
): JsonObject {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    documentationUri: capabilities.documentationUri,
    patch: { supported: capabilities.patch },
    bulk: { ...capabilities.bulk },
    filter: { ...capabilities.filter },
    changePassword: { supported: false },
    sort: { supported: capabilities.sort },
    etag: { supported: capabilities.etag },
    pagination: {
      cursor: capabilities.pagination.cursor,
      index: capabilities.pagination.index,
      defaultPaginationMethod: 'index',
      defaultPageSize: capabilities.pagination.defaultPageSize,
      maxPageSize: capabilities.pagination.maxPageSize,
      cursorTimeout: capabilities.pagination.cursorTimeout,
    },
    authenticationSchemes: authenticationSchemes.map((scheme) => ({ ...scheme })),
    ...(securityEvents
      ? {
          securityEvents: {
            asyncRequest: securityEvents.asyncRequest,
            eventUris: [...securityEvents.eventUris],
          },
        }
      : {}),
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${baseUrl}/ServiceProviderConfig`,
    },
  };
}

export function resourceTypeDocument(baseUrl: string, type: ResourceTypeDefinition): JsonObject {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: type.name,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.schema.id,
    schemaExtensions: type.extensions.map((e) => ({ schema: e.schema.id, required: e.required })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${type.name}` },
  };
}

/** RFC 7643 §6, for the resource types an integration serves (default: the built-in ones). */
export function resourceTypeDocuments(
  baseUrl: string,
  types: readonly ResourceTypeDefinition[] = resourceTypes,
): JsonObject[] {
  return types.map((type) => resourceTypeDocument(baseUrl, type));
}

/**
 * RFC 7643 §7. The core schemas list the common attributes (id, externalId, meta) too, because
 * providers such as Google build their attribute mapping from /Schemas.
 */
export function schemaDocument(baseUrl: string, schema: SchemaDefinition, withCommon: boolean): JsonObject {
  const attributes = withCommon ? [...commonAttributes, ...schema.attributes] : schema.attributes;
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: attributes.map(attributeJson),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}
