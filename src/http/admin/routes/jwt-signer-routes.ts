import { listJwtSigners } from '../../../directory/jwt-signers/list-jwt-signers.js';
import { createJwtSigner } from '../../../directory/jwt-signers/create-jwt-signer.js';
import { deleteJwtSigner } from '../../../directory/jwt-signers/delete-jwt-signer.js';
import { updateJwtSigner } from '../../../directory/jwt-signers/update-jwt-signer.js';
import { jwtSignerInOrganization } from '../../../directory/organizations/find-in-organization.js';
import type { JwtSigner } from '../../../directory/model/jwt-signer.js';
import { explainSignIn } from '../../../directory/sign-in/explain-sign-in.js';
import { SignerTestResult, VerifyRequest } from '../schemas/sign-in-schemas.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, ListOf, NoContent, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  CreateJwtSigner,
  JwtSigner as JwtSignerSchema,
  UpdateJwtSigner,
} from '../schemas/jwt-signer-schemas.js';

const tags = ['JWT signers'];
const SignerParams = OrganizationParams({ signerId: Id });

function signerBody(signer: JwtSigner) {
  return {
    id: signer.id,
    organizationId: signer.organizationId,
    name: signer.name,
    issuer: signer.issuer,
    audience: signer.audience,
    jwksUrl: signer.jwksUrl,
    publicKeyPem: signer.publicKeyPem,
    externalIdClaim: signer.externalIdClaim,
    enabled: signer.enabled,
    algorithms: signer.algorithms === null ? null : [...signer.algorithms],
  };
}

export function registerJwtSignerRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/jwt-signers',
    {
      schema: {
        tags,
        summary: 'List JWT signers',
        params: OrganizationParams({}),
        response: responses({ 200: ListOf(JwtSignerSchema) }, [404]),
      },
    },
    async (request) => ({
      data: (await listJwtSigners(deps, { organizationId: organizationOf(request).id })).map(signerBody),
    }),
  );

  app.post(
    '/jwt-signers',
    {
      schema: {
        tags,
        summary: 'Create a JWT signer',
        description: 'The Default auth policy accepts it while it is enabled.',
        params: OrganizationParams({}),
        body: CreateJwtSigner,
        response: responses({ 201: JwtSignerSchema }, [400, 404, 409]),
      },
    },
    async (request, reply) => {
      const signer = await createJwtSigner(deps, organizationOf(request).id, request.body);
      return reply.code(201).send(signerBody(signer));
    },
  );

  app.get(
    '/jwt-signers/:signerId',
    {
      schema: {
        tags,
        summary: 'Get a JWT signer',
        params: SignerParams,
        response: responses({ 200: JwtSignerSchema }, [404]),
      },
    },
    async (request) =>
      signerBody(
        await jwtSignerInOrganization(deps.store, organizationOf(request).id, request.params.signerId),
      ),
  );

  app.patch(
    '/jwt-signers/:signerId',
    {
      schema: {
        tags,
        summary: 'Change a JWT signer',
        params: SignerParams,
        body: UpdateJwtSigner,
        response: responses({ 200: JwtSignerSchema }, [400, 404, 409]),
      },
    },
    async (request) =>
      signerBody(
        await updateJwtSigner(deps, organizationOf(request).id, request.params.signerId, request.body),
      ),
  );

  app.post(
    '/jwt-signers/:signerId/test',
    {
      schema: {
        tags,
        summary: 'Test a token against a JWT signer',
        description:
          'Explains, step by step, why the token would or would not sign in through this signer: the same decision as auth/verify, with every step written out (token, signer, algorithm, key, signature, issuer, audience, lifetime, claim, identity, status, policy). Changes nothing.',
        params: SignerParams,
        body: VerifyRequest,
        response: responses({ 200: SignerTestResult }, [400, 404]),
      },
    },
    async (request) => {
      const explained = await explainSignIn(
        deps,
        organizationOf(request).id,
        request.params.signerId,
        request.body.token,
      );
      return {
        signerId: explained.signer.id,
        wouldSignIn: explained.wouldSignIn,
        identityId: explained.identityId,
        refusal: explained.refusal && {
          code: explained.refusal.code,
          message: explained.refusal.message,
          ...(explained.refusal.rule === undefined ? {} : { rule: explained.refusal.rule }),
        },
        steps: explained.steps.map((s) => ({ ...s })),
      };
    },
  );

  app.delete(
    '/jwt-signers/:signerId',
    {
      schema: {
        tags,
        summary: 'Delete a JWT signer',
        description: 'Auth policies that listed it no longer do.',
        params: SignerParams,
        response: responses({ 204: NoContent }, [404]),
      },
    },
    async (request, reply) => {
      await deleteJwtSigner(deps, organizationOf(request).id, request.params.signerId);
      return reply.code(204).send();
    },
  );
}
