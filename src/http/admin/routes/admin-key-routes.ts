import { listAdminKeys } from '../../../directory/admin-keys/list-admin-keys.js';
import { Type } from 'typebox';
import { createAdminKey } from '../../../directory/admin-keys/create-admin-key.js';
import { revokeAdminKey } from '../../../directory/admin-keys/revoke-admin-key.js';
import type { AdminKey } from '../../../directory/model/admin-key.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { requireInstallationKey } from '../installation-key.js';
import {
  AdminKey as AdminKeySchema,
  AdminKeyQuery,
  CreateAdminKey,
  IssuedAdminKey,
} from '../schemas/admin-key-schemas.js';
import { Id, ListOf, responses } from '../schemas/common-schemas.js';

const tags = ['Admin keys'];

function adminKeyBody(key: AdminKey) {
  return {
    id: key.id,
    name: key.name,
    organizationId: key.organizationId,
    hint: key.hint,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}

export function registerAdminKeyRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/admin-keys',
    {
      schema: {
        tags,
        summary: 'List admin keys',
        description: 'Revoked keys stay listed, with the time they were revoked. Never shows a key itself.',
        querystring: AdminKeyQuery,
        response: responses({ 200: ListOf(AdminKeySchema) }, [400, 403]),
      },
    },
    async (request) => {
      requireInstallationKey(request);
      return { data: (await listAdminKeys(deps, request.query.organizationId)).map(adminKeyBody) };
    },
  );

  app.post(
    '/admin-keys',
    {
      schema: {
        tags,
        summary: 'Create an admin key',
        description: 'The response carries the key (`secret`) once; Roster stores only its SHA-256 hash.',
        body: CreateAdminKey,
        response: responses({ 201: IssuedAdminKey }, [400, 403, 404]),
      },
    },
    async (request, reply) => {
      requireInstallationKey(request);
      const { key, secret } = await createAdminKey(deps, {
        name: request.body.name,
        organizationId: request.body.organizationId ?? null,
      });
      return reply.code(201).send({ ...adminKeyBody(key), secret });
    },
  );

  app.delete(
    '/admin-keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Revoke an admin key',
        description: 'The key stops working at once, on every instance.',
        params: Type.Object({ keyId: Id }, { additionalProperties: false }),
        response: responses({ 200: AdminKeySchema }, [403, 404]),
      },
    },
    async (request) => {
      requireInstallationKey(request);
      return adminKeyBody(await revokeAdminKey(deps, request.params.keyId));
    },
  );
}
