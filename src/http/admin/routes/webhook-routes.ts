import { encodeEventCursor } from '../../../directory/events/event-cursor.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../../directory/model/webhook-endpoint.js';
import { createWebhookEndpoint } from '../../../directory/webhooks/create-webhook-endpoint.js';
import {
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverSince,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  webhookEndpointInOrganization,
} from '../../../directory/webhooks/manage-webhook-endpoints.js';
import { redeliverOne } from '../../../directory/webhooks/redeliver-one.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpoint,
  DeliveryPage,
  DeliveryQuery,
  Redeliver,
  RotatedWebhookSecret,
  RotateWebhookSecret,
  UpdateWebhookEndpoint,
  WebhookDelivery as DeliverySchema,
  WebhookEndpoint as EndpointSchema,
} from '../schemas/webhook-schemas.js';

const tags = ['Webhooks'];
const EndpointParams = OrganizationParams({ webhookId: Id });

export function webhookBody(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    organizationId: endpoint.organizationId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes === null ? null : [...endpoint.eventTypes],
    enabled: endpoint.enabled,
    status: endpoint.status,
    failingReason: endpoint.failingReason,
    cursor: encodeEventCursor(endpoint.cursorSequence),
    attempts: endpoint.attempts,
    nextAttemptAt: endpoint.nextAttemptAt,
    lastError: endpoint.lastError,
    previousSecretValidUntil: endpoint.previousSecretUntil,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

export function deliveryBody(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventSequence: delivery.eventSequence,
    attempt: delivery.attempt,
    attemptedAt: delivery.attemptedAt,
    statusCode: delivery.statusCode,
    latencyMs: delivery.latencyMs,
    error: delivery.error,
    responseExcerpt: delivery.responseExcerpt,
    outcome: delivery.outcome,
    manual: delivery.manual,
  };
}

export function registerWebhookRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const webhookDeps = { ...deps, webhooks: deps.webhooks };

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'List webhook endpoints',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(EndpointSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listWebhookEndpoints(deps, organizationOf(request).id)).map(webhookBody),
    }),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint',
        description:
          'Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature; HMAC-SHA256). The whsec_ secret is in this response only. The endpoint receives events committed from now on.',
        params: OrganizationParams({}),
        body: CreateWebhookEndpoint,
        response: responses({ 201: CreatedWebhookEndpoint }, [400, 404]),
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await createWebhookEndpoint(
        webhookDeps,
        organizationOf(request).id,
        request.body,
      );
      return reply.code(201).send({ endpoint: webhookBody(endpoint), secret });
    },
  );

  app.get(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Get a webhook endpoint',
        params: EndpointParams,
        response: responses({ 200: EndpointSchema }, [404]),
      },
    },
    async (request) =>
      webhookBody(
        await webhookEndpointInOrganization(deps.store, organizationOf(request).id, request.params.webhookId),
      ),
  );

  app.patch(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint',
        params: EndpointParams,
        body: UpdateWebhookEndpoint,
        response: responses({ 200: EndpointSchema }, [400, 404]),
      },
    },
    async (request) =>
      webhookBody(
        await updateWebhookEndpoint(
          webhookDeps,
          organizationOf(request).id,
          request.params.webhookId,
          request.body,
        ),
      ),
  );

  app.delete(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint',
        params: EndpointParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(deps, organizationOf(request).id, request.params.webhookId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/webhooks/:webhookId/secret',
    {
      schema: {
        tags,
        summary: 'Rotate the signing secret',
        description:
          'A new whsec_ secret, shown only now. During the overlap every delivery is signed with both secrets.',
        params: EndpointParams,
        body: RotateWebhookSecret,
        response: responses({ 200: RotatedWebhookSecret }, [400, 404]),
      },
    },
    async (request) =>
      rotateWebhookSecret(
        webhookDeps,
        organizationOf(request).id,
        request.params.webhookId,
        request.body.overlapSeconds ?? 86_400,
      ),
  );

  app.post(
    '/webhooks/:webhookId/redeliver',
    {
      schema: {
        tags,
        summary: 'Redeliver every event after a cursor',
        description:
          'Moves the endpoint back to `after` (an events cursor) and makes a failing endpoint active again; the worker then delivers in order.',
        params: EndpointParams,
        body: Redeliver,
        response: responses({ 200: EndpointSchema }, [400, 404]),
      },
    },
    async (request) =>
      webhookBody(
        await redeliverSince(
          webhookDeps,
          organizationOf(request).id,
          request.params.webhookId,
          request.body.after,
        ),
      ),
  );

  app.get(
    '/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of an endpoint',
        description: 'Every attempt, newest first: status, latency, error and the first KiB of the answer.',
        params: EndpointParams,
        querystring: DeliveryQuery,
        response: responses({ 200: DeliveryPage }, [404]),
      },
    },
    async (request) => {
      const page = await listWebhookDeliveries(deps, organizationOf(request).id, request.params.webhookId, {
        beforeId: request.query.cursor,
        limit: request.query.limit ?? 50,
      });
      return { data: page.deliveries.map(deliveryBody), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Send one delivery’s event again, now',
        params: OrganizationParams({ webhookId: Id, deliveryId: Id }),
        response: responses({ 200: DeliverySchema }, [404]),
      },
    },
    async (request) =>
      deliveryBody(
        await redeliverOne(
          webhookDeps,
          organizationOf(request).id,
          request.params.webhookId,
          request.params.deliveryId,
        ),
      ),
  );
}
