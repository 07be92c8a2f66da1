import { listAuthPolicies } from '../../../directory/auth-policies/list-auth-policies.js';
import { createAuthPolicy } from '../../../directory/auth-policies/create-auth-policy.js';
import { deleteAuthPolicy } from '../../../directory/auth-policies/delete-auth-policy.js';
import { updateAuthPolicy } from '../../../directory/auth-policies/update-auth-policy.js';
import { authPolicyInOrganization } from '../../../directory/organizations/find-in-organization.js';
import type { AuthPolicy } from '../../../directory/model/auth-policy.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import {
  AuthPolicy as AuthPolicySchema,
  CreateAuthPolicy,
  UpdateAuthPolicy,
} from '../schemas/auth-policy-schemas.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';

const tags = ['Auth policies'];
const PolicyParams = OrganizationParams({ policyId: Id });

function policyBody(policy: AuthPolicy) {
  return {
    id: policy.id,
    organizationId: policy.organizationId,
    name: policy.name,
    isDefault: policy.isDefault,
    signerIds: [...policy.signerIds],
    requiredClaims: policy.requiredClaims.map((rule) => ({ claim: rule.claim, anyOf: [...rule.anyOf] })),
  };
}

export function registerAuthPolicyRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/auth-policies',
    {
      schema: {
        tags,
        summary: 'List auth policies',
        description: 'The Default policy first.',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(AuthPolicySchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listAuthPolicies(deps, { organizationId: organizationOf(request).id })).map(policyBody),
    }),
  );

  app.post(
    '/auth-policies',
    {
      schema: {
        tags,
        summary: 'Create an auth policy',
        description: 'A policy accepts exactly the signers listed.',
        params: OrganizationParams({}),
        body: CreateAuthPolicy,
        response: responses({ 201: AuthPolicySchema }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const policy = await createAuthPolicy(deps, organizationOf(request).id, {
        name: request.body.name,
        signers: request.body.signers ?? [],
        requiredClaims: request.body.requiredClaims,
      });
      return reply.code(201).send(policyBody(policy));
    },
  );

  app.get(
    '/auth-policies/:policyId',
    {
      schema: {
        tags,
        summary: 'Get an auth policy',
        params: PolicyParams,
        response: responses({ 200: AuthPolicySchema }, [404]),
      },
    },
    async (request) =>
      policyBody(
        await authPolicyInOrganization(deps.store, organizationOf(request).id, request.params.policyId),
      ),
  );

  app.patch(
    '/auth-policies/:policyId',
    {
      schema: {
        tags,
        summary: 'Change an auth policy',
        description:
          'Rename it and/or replace its signers or required claims. The Default policy cannot be changed (409).',
        params: PolicyParams,
        body: UpdateAuthPolicy,
        response: responses({ 200: AuthPolicySchema }, [400, 404, 409]),
      },
    },
    async (request) =>
      policyBody(
        await updateAuthPolicy(deps, organizationOf(request).id, request.params.policyId, request.body),
      ),
  );

  app.delete(
    '/auth-policies/:policyId',
    {
      schema: {
        tags,
        summary: 'Delete an auth policy',
        description:
          'Refused (409) for the Default policy and for a policy an integration’s settings name. Identities that had it fall back to the Default policy.',
        params: PolicyParams,
        response: responses({ 204: NoContent }, [404, 409]),
      },
    },
    async (request, reply) => {
      await deleteAuthPolicy(deps, organizationOf(request).id, request.params.policyId);
      return reply.code(204).send();
    },
  );
}
