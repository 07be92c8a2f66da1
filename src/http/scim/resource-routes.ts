import type { FastifyInstance } from 'fastify';
import { NotImplementedError } from '../../core/errors.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { createResource } from '../../directory/scim/create-resource.js';
import { deleteResource } from '../../directory/scim/delete-resource.js';
import { getResource } from '../../directory/scim/get-resource.js';
import { listResources, type PageLimits } from '../../directory/scim/list-resources.js';
import { replaceResource } from '../../directory/scim/replace-resource.js';
import { weakETag } from '../../core/resource/scim-resource.js';
import { sendScim } from '../scim-reply.js';
import { integerParameter, queryParameter, scimContextOf } from './scim-request.js';

interface IdParams {
  id: string;
}

/** /Users and /Groups: create, read, replace, delete and list (RFC 7644 §3.3–3.6). */
export function registerResourceRoutes(
  app: FastifyInstance,
  typeName: ResourceTypeName,
  limits: PageLimits,
): void {
  const endpoint = typeName === 'User' ? '/Users' : '/Groups';

  app.post(endpoint, async (request, reply) => {
    const { resource, stored } = await createResource(scimContextOf(request), typeName, request.body);
    const meta = resource.meta as { location: string };
    reply.header('Location', meta.location).header('ETag', weakETag(stored.version));
    return sendScim(reply, 201, resource);
  });

  app.get(endpoint, async (request, reply) => {
    const body = await listResources(
      scimContextOf(request),
      typeName,
      {
        filter: queryParameter(request, 'filter'),
        startIndex: integerParameter(request, 'startIndex'),
        count: integerParameter(request, 'count'),
      },
      limits,
    );
    return sendScim(reply, 200, body);
  });

  app.get<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    const { resource, stored } = await getResource(scimContextOf(request), typeName, request.params.id);
    reply.header('ETag', weakETag(stored.version));
    return sendScim(reply, 200, resource);
  });

  app.put<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    const { resource, stored } = await replaceResource(
      scimContextOf(request),
      typeName,
      request.params.id,
      request.body,
    );
    reply.header('ETag', weakETag(stored.version));
    return sendScim(reply, 200, resource);
  });

  app.patch<{ Params: IdParams }>(`${endpoint}/:id`, async () => {
    throw new NotImplementedError('PATCH is not supported yet; /ServiceProviderConfig says so.');
  });

  app.delete<{ Params: IdParams }>(`${endpoint}/:id`, async (request, reply) => {
    await deleteResource(scimContextOf(request), typeName, request.params.id);
    return reply.code(204).send();
  });
}
