import { encodeEventCursor } from '../../../directory/events/event-cursor.js';
import type { WebhookEndpoint } from '../../../directory/model/webhook-endpoint.js';
import { rotateSecurityEventKey } from '../../../directory/security-events/security-event-keys.js';
import { securityEventIssuer } from '../../../directory/security-events/security-event-token.js';
import {
  createSetReceiver,
  updateSetReceiver,
} from '../../../directory/security-events/manage-set-receivers.js';
import {
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverSince,
  webhookEndpointInOrganization,
} from '../../../directory/webhooks/manage-webhook-endpoints.js';
import { redeliverOne } from '../../../directory/webhooks/redeliver-one.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  CreateSetReceiver,
  RotatedSetKey,
  RotateSetKey,
  SetReceiver,
  UpdateSetReceiver,
} from '../schemas/security-event-schemas.js';
import {
  DeliveryPage,
  DeliveryQuery,
  Redeliver,
  WebhookDelivery as DeliverySchema,
} from '../schemas/webhook-schemas.js';
import { deliveryBody } from './webhook-routes.js';

const tags = ['Security events'];
const KIND = 'security_events';
const ReceiverParams = OrganizationParams({ receiverId: Id });

/** RFC 8935 receivers of RFC 9967 SETs: the same lifecycle and delivery log as webhook endpoints. */
export function registerSecurityEventRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const issuer = (organizationId: string) => securityEventIssuer(deps.publicBaseUrl, organizationId);
  const receiverBody = (receiver: WebhookEndpoint) => ({
    id: receiver.id,
    organizationId: receiver.organizationId,
    url: receiver.url,
    audience: receiver.audience ?? '',
    payload: receiver.payload ?? 'full',
    description: receiver.description,
    eventTypes: receiver.eventTypes === null ? null : [...receiver.eventTypes],
    enabled: receiver.enabled,
    status: receiver.status,
    failingReason: receiver.failingReason,
    cursor: encodeEventCursor(receiver.cursorSequence),
    attempts: receiver.attempts,
    nextAttemptAt: receiver.nextAttemptAt,
    lastError: receiver.lastError,
    issuer: issuer(receiver.organizationId),
    jwksUrl: `${issuer(receiver.organizationId)}/jwks.json`,
    createdAt: receiver.createdAt,
    updatedAt: receiver.updatedAt,
  });

  app.get(
    '/security-events/receivers',
    {
      schema: {
        tags,
        summary: 'List SET receivers',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(SetReceiver) }, [404]),
      },
    },
    async (request) => ({
      data: (await listWebhookEndpoints(deps, organizationOf(request).id, KIND)).map(receiverBody),
    }),
  );

  app.post(
    '/security-events/receivers',
    {
      schema: {
        tags,
        summary: 'Add a SET receiver',
        description:
          'RFC 8935 push delivery of RFC 9967 Security Event Tokens (ES256, the JWKS at jwksUrl). The receiver gets the events committed from now on; authorization is never returned.',
        params: OrganizationParams({}),
        body: CreateSetReceiver,
        response: responses({ 201: SetReceiver }, [400, 404]),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(receiverBody(await createSetReceiver(deps, organizationOf(request).id, request.body))),
  );

  app.get(
    '/security-events/receivers/:receiverId',
    {
      schema: {
        tags,
        summary: 'Get a SET receiver',
        params: ReceiverParams,
        response: responses({ 200: SetReceiver }, [404]),
      },
    },
    async (request) =>
      receiverBody(
        await webhookEndpointInOrganization(
          deps.store,
          organizationOf(request).id,
          request.params.receiverId,
          KIND,
        ),
      ),
  );

  app.patch(
    '/security-events/receivers/:receiverId',
    {
      schema: {
        tags,
        summary: 'Change a SET receiver',
        description: 'Only the fields given change; authorization null stops sending one.',
        params: ReceiverParams,
        body: UpdateSetReceiver,
        response: responses({ 200: SetReceiver }, [400, 404]),
      },
    },
    async (request) =>
      receiverBody(
        await updateSetReceiver(deps, organizationOf(request).id, request.params.receiverId, request.body),
      ),
  );

  app.delete(
    '/security-events/receivers/:receiverId',
    {
      schema: {
        tags,
        summary: 'Delete a SET receiver',
        params: ReceiverParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(deps, organizationOf(request).id, request.params.receiverId, KIND);
      return reply.code(204).send();
    },
  );

  app.post(
    '/security-events/receivers/:receiverId/redeliver',
    {
      schema: {
        tags,
        summary: 'Send every event after a cursor again',
        description:
          'Moves the receiver back to `after` (an events cursor) and makes a failing receiver active again.',
        params: ReceiverParams,
        body: Redeliver,
        response: responses({ 200: SetReceiver }, [400, 404]),
      },
    },
    async (request) =>
      receiverBody(
        await redeliverSince(
          deps,
          organizationOf(request).id,
          request.params.receiverId,
          request.body.after,
          KIND,
        ),
      ),
  );

  app.get(
    '/security-events/receivers/:receiverId/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of a SET receiver',
        description: 'Every attempt, newest first: status, latency, error and the first KiB of the answer.',
        params: ReceiverParams,
        querystring: DeliveryQuery,
        response: responses({ 200: DeliveryPage }, [404]),
      },
    },
    async (request) => {
      const page = await listWebhookDeliveries(
        deps,
        organizationOf(request).id,
        request.params.receiverId,
        { beforeId: request.query.cursor, limit: request.query.limit ?? 50 },
        KIND,
      );
      return { data: page.deliveries.map(deliveryBody), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/security-events/receivers/:receiverId/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Send one delivery’s SET again, now',
        params: OrganizationParams({ receiverId: Id, deliveryId: Id }),
        response: responses({ 200: DeliverySchema }, [404]),
      },
    },
    async (request) =>
      deliveryBody(
        await redeliverOne(
          deps,
          organizationOf(request).id,
          request.params.receiverId,
          request.params.deliveryId,
          KIND,
        ),
      ),
  );

  app.post(
    '/security-events/key',
    {
      schema: {
        tags,
        summary: 'Rotate the SET signing key',
        description:
          'A new ES256 key signs from now on; the previous public key stays in the JWKS for overlapSeconds.',
        params: OrganizationParams({}),
        body: RotateSetKey,
        response: responses({ 200: RotatedSetKey }, [400, 404]),
      },
    },
    async (request) =>
      rotateSecurityEventKey(
        { ...deps, cipher: deps.webhooks.cipher },
        organizationOf(request).id,
        request.body.overlapSeconds ?? 86_400,
      ),
  );
}
