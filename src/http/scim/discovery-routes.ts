import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../core/errors.js';
import {
  accessTokenScheme,
  resourceTypeDocuments,
  schemaDocument,
  serviceProviderConfigDocument,
  staticTokenScheme,
  type ServiceCapabilities,
} from '../../core/protocol/discovery-documents.js';
import { listResponse } from '../../core/protocol/list-response.js';
import { discoverySchemas } from '../../core/schema/discovery-schemas.js';
import { allSchemas } from '../../core/schema/resource-types.js';
import { securityEventsAdvertisement } from '../../directory/security-events/security-events-advertisement.js';
import { sendScim } from '../scim-reply.js';
import { scimContextOf } from './scim-request.js';

/** RFC 7644 §4: /ServiceProviderConfig, /ResourceTypes and /Schemas. */
export function registerDiscoveryRoutes(app: FastifyInstance, capabilities: ServiceCapabilities): void {
  // Each integration advertises exactly what it accepts: the built-in schemas and its custom extensions
  // (RFC 7643 §7; extensions list no common attributes, like the enterprise one).
  const servedSchemas = (request: FastifyRequest) => [
    ...allSchemas.map((schema) => ({ schema, withCommon: schema.name !== 'EnterpriseUser' })),
    ...scimContextOf(request).resourceTypes.custom.map((schema) => ({ schema, withCommon: false })),
  ];
  const schemaDocuments = (request: FastifyRequest) =>
    servedSchemas(request).map((s) => schemaDocument(scimContextOf(request).baseUrl, s.schema, s.withCommon));
  const typeDocuments = (request: FastifyRequest) => {
    const types = scimContextOf(request).resourceTypes;
    return resourceTypeDocuments(scimContextOf(request).baseUrl, [types.User, types.Group]);
  };

  // The schemes are the integration's own: one that accepts OAuth access tokens lists them too.
  // RFC 9967 §4: `securityEvents` appears once the organization has an enabled SET receiver.
  app.get('/ServiceProviderConfig', async (request, reply) => {
    const schemes = request.scimOAuth
      ? [staticTokenScheme, accessTokenScheme(request.scimOAuth.issuer)]
      : [staticTokenScheme];
    const context = scimContextOf(request);
    return sendScim(
      reply,
      200,
      serviceProviderConfigDocument(
        context.baseUrl,
        capabilities,
        schemes,
        await securityEventsAdvertisement(context.store, context.scope.organizationId),
      ),
    );
  });

  app.get('/ResourceTypes', async (request, reply) => {
    const documents = typeDocuments(request);
    return sendScim(reply, 200, listResponse(documents, documents.length, 1));
  });

  app.get<{ Params: { id: string } }>('/ResourceTypes/:id', async (request, reply) => {
    const found = typeDocuments(request).find((d) => d.id === request.params.id);
    if (!found) throw new NotFoundError(`No resource type ${JSON.stringify(request.params.id)}.`);
    return sendScim(reply, 200, found);
  });

  app.get('/Schemas', async (request, reply) => {
    const documents = schemaDocuments(request);
    return sendScim(reply, 200, listResponse(documents, documents.length, 1));
  });

  // The discovery schemas are served by id so clients can validate the discovery documents themselves.
  app.get<{ Params: { id: string } }>('/Schemas/:id', async (request, reply) => {
    const baseUrl = scimContextOf(request).baseUrl;
    const wanted = request.params.id.toLowerCase();
    const served = [
      ...servedSchemas(request),
      ...discoverySchemas.map((schema) => ({ schema, withCommon: false })),
    ].find((s) => s.schema.id.toLowerCase() === wanted);
    if (!served) throw new NotFoundError(`No schema ${JSON.stringify(request.params.id)}.`);
    return sendScim(reply, 200, schemaDocument(baseUrl, served.schema, served.withCommon));
  });
}
