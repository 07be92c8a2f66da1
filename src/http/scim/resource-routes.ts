import type { FastifyInstance } from 'fastify';
import { parseEntityTags } from '../../core/protocol/entity-tag.js';
import { parseSearchRequest } from '../../core/protocol/search-request.js';
import { weakETag } from '../../core/resource/scim-resource.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { createResource } from '../../directory/scim/create-resource.js';
import { deleteResource } from '../../directory/scim/delete-resource.js';
import { getResource } from '../../directory/scim/get-resource.js';
import { listResources } from '../../directory/scim/list-resources.js';
import { patchResource } from '../../directory/scim/patch-resource.js';
import { replaceResource } from '../../directory/scim/replace-resource.js';
import { sendScim } from '../scim-reply.js';
import {
  listParameters,
  patchResponseProjection,
  projectionParameter,
  scimContextOf,
} from './scim-request.js';

interface IdParams {
  id: string;
}

/** /Users and /Groups: create, read, replace, delete, list and search (RFC 7644 §3.3–3.6). */
export function registerResourceRoutes(app: FastifyInstance, typeName: ResourceTypeName): void {
  const endpoint = typeName === 'User' ? '/Users' : '/Groups';
  // A user's GET, and an IdP's `userName eq` lookup, are answered from the statement that authenticated
  // them (user-read-ahead.ts).
  const isUser = typeName === 'User';

  app.post(endpoint, async (request, reply) => {
    const context = scimContextOf(request);
    const projection = projectionParameter(request, typeName);
    const { resource, stored } = await createResource(context, typeName, request.body, projection);
    reply
      .header('Location', `${context.baseUrl}${endpoint}/${stored.id}`)
      .header('ETag', weakETag(stored.version));
    return sendScim(reply, 201, resource);
  });

  app.get(endpoint, isUser ? { config: { readsUser: 'byFilter' } } : {}, async (request, reply) =>
    sendScim(reply, 200, await listResources(scimContextOf(request), typeName, listParameters(request))),
  );

  app.post(`${endpoint}/.search`, async (request, reply) =>
    sendScim(
      reply,
      200,
      await listResources(scimContextOf(request), typeName, parseSearchRequest(request.body)),
    ),
  );

  app.get<{ Params: IdParams }>(
    `${endpoint}/:id`,
    isUser ? { config: { readsUser: 'byId' } } : {},
    async (request, reply) => {
      const projection = projectionParameter(request, typeName);
      const { resource, stored } = await getResource(
        scimContextOf(request),
        typeName,
        request.params.id,
        projection,
        parseEntityTags(request.headers['if-none-match']),
      );
      reply.header('ETag', weakETag(stored.version));
      // RFC 7232 §3.2: the client's copy is current; send no body.
      if (resource === undefined) return reply.code(304).send();
      return sendScim(reply, 200, resource);
    },
  );

  app.put<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    const projection = projectionParameter(request, typeName);
    const { resource, stored } = await replaceResource(
      scimContextOf(request),
      typeName,
      request.params.id,
      request.body,
      projection,
      parseEntityTags(request.headers['if-match']),
    );
    reply.header('ETag', weakETag(stored.version));
    return sendScim(reply, 200, resource);
  });

  app.patch<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    const { resource, stored } = await patchResource(
      scimContextOf(request),
      typeName,
      request.params.id,
      request.body,
      patchResponseProjection(request, typeName),
      parseEntityTags(request.headers['if-match']),
    );
    reply.header('ETag', weakETag(stored.version));
    return resource === undefined ? reply.code(204).send() : sendScim(reply, 200, resource);
  });

  app.delete<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    await deleteResource(
      scimContextOf(request),
      typeName,
      request.params.id,
      parseEntityTags(request.headers['if-match']),
    );
    return reply.code(204).send();
  });
}
