import { extensionSchemaJson } from '../../../core/schema/extension-schema.js';
import type { SchemaExtension } from '../../../directory/model/schema-extension.js';
import { defineSchemaExtension } from '../../../directory/schema-extensions/define-schema-extension.js';
import { deleteSchemaExtension } from '../../../directory/schema-extensions/delete-schema-extension.js';
import { schemaExtensionInOrganization } from '../../../directory/schema-extensions/find-schema-extension.js';
import { replaceSchemaExtension } from '../../../directory/schema-extensions/replace-schema-extension.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  SchemaExtension as SchemaExtensionSchema,
  SchemaExtensionDefinition,
  SchemaExtensionParams,
} from '../schemas/schema-extension-schemas.js';

const tags = ['Schema extensions'];
const ExtensionParams = OrganizationParams(SchemaExtensionParams);

function extensionBody(extension: SchemaExtension) {
  return {
    id: extension.id,
    organizationId: extension.organizationId,
    version: extension.version,
    createdAt: extension.createdAt,
    updatedAt: extension.updatedAt,
    ...(extensionSchemaJson(extension.definition) as {
      urn: string;
      resourceType: 'User' | 'Group';
      name: string;
      description: string;
      attributes: never[];
    }),
  };
}

/** Custom schema extensions (docs/schema-extensions.md): integrations accept them by URN in their settings. */
export function registerSchemaExtensionRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/schema-extensions',
    {
      schema: {
        tags,
        summary: 'List schema extensions',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(SchemaExtensionSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await deps.store.schemaExtensions.list({ organizationId: organizationOf(request).id })).map(
        extensionBody,
      ),
    }),
  );

  app.post(
    '/schema-extensions',
    {
      schema: {
        tags,
        summary: 'Define a schema extension',
        description: 'Checked against RFC 7643 §2 (names, types, characteristics); version 1.',
        params: OrganizationParams({}),
        body: SchemaExtensionDefinition,
        response: responses({ 201: SchemaExtensionSchema }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const extension = await defineSchemaExtension(deps, organizationOf(request).id, request.body);
      return reply.code(201).send(extensionBody(extension));
    },
  );

  app.get(
    '/schema-extensions/:extension',
    {
      schema: {
        tags,
        summary: 'Get a schema extension',
        params: ExtensionParams,
        response: responses({ 200: SchemaExtensionSchema }, [404]),
      },
    },
    async (request) =>
      extensionBody(
        await schemaExtensionInOrganization(deps.store, organizationOf(request).id, request.params.extension),
      ),
  );

  app.put(
    '/schema-extensions/:extension',
    {
      schema: {
        tags,
        summary: 'Replace a schema extension (a new version)',
        description:
          'A narrowing change (type change, new required, narrower canonicalValues, new uniqueness, an attribute removed) is checked against stored resources first: 409 schema_extension_breaks_data lists them (capped) with a count.',
        params: ExtensionParams,
        body: SchemaExtensionDefinition,
        response: responses({ 200: SchemaExtensionSchema }, [400, 404, 409]),
      },
    },
    async (request) =>
      extensionBody(
        await replaceSchemaExtension(
          deps,
          organizationOf(request).id,
          request.params.extension,
          request.body,
        ),
      ),
  );

  app.delete(
    '/schema-extensions/:extension',
    {
      schema: {
        tags,
        summary: 'Delete a schema extension',
        description: 'Refused (409 schema_extension_in_use) while an integration accepts it.',
        params: ExtensionParams,
        response: responses({ 204: NoContent }, [404, 409]),
      },
    },
    async (request, reply) => {
      await deleteSchemaExtension(deps, organizationOf(request).id, request.params.extension);
      return reply.code(204).send();
    },
  );
}
