import { readSession, revokeSession, startSession } from '../../../directory/sign-in/sign-in-sessions.js';
import { signedInIdentity } from '../../../directory/sign-in/signed-in-identity.js';
import { verifySignIn } from '../../../directory/sign-in/verify-sign-in.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { Id, OrganizationParams, responses } from '../schemas/common-schemas.js';
import {
  Session,
  SessionStarted,
  SessionStartRefused,
  StartSession,
  VerifyRequest,
  VerifyResponse,
} from '../schemas/sign-in-schemas.js';
import { refusalBody, sessionBody, signedInIdentityBody } from './sign-in-body.js';

const tags = ['Sign-in'];
const SessionParams = OrganizationParams({ sessionId: Id });

/**
 * Verify is an RPC whose answer is a decision, so both decisions are 200: "this token signs in Ada"
 * and "this token signs no one in, because expired". An HTTP error status means the call itself went
 * wrong (bad key, bad body, unknown organization), which an app must handle differently from a user
 * who may not sign in; a 401 for a refused token would read as "your admin key is bad".
 */
export function registerSignInRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.post(
    '/auth/verify',
    {
      schema: {
        tags,
        summary: 'Verify a sign-in token',
        description:
          'Checks a JWT against the organization’s enabled JWT signers (signature, alg, iss, aud, exp/nbf), finds the identity its claim names and applies its auth policy. Answers 200 either way: `ok: true` with the identity, its groups, roles and permissions, or `ok: false` with a stable `code` (docs/sign-in.md).',
        params: OrganizationParams({}),
        body: VerifyRequest,
        response: responses({ 200: VerifyResponse }, [400, 404]),
      },
    },
    async (request) => {
      const organizationId = organizationOf(request).id;
      const outcome = await verifySignIn(deps, organizationId, request.body.token);
      if (!outcome.ok) return refusalBody(outcome.refusal);
      const signedIn = await signedInIdentity(deps.store, organizationId, outcome.identity);
      return {
        ok: true as const,
        identity: signedInIdentityBody(signedIn),
        signer: { id: outcome.signer.id, name: outcome.signer.name },
        expiresAt: outcome.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'Start a sign-in session',
        description:
          'Verifies the token exactly like auth/verify and, when it signs someone in, records a session for that identity (201). A refused token records nothing and answers 200 with the refusal.',
        params: OrganizationParams({}),
        body: StartSession,
        response: responses({ 201: SessionStarted, 200: SessionStartRefused }, [400, 404]),
      },
    },
    async (request, reply) => {
      const organizationId = organizationOf(request).id;
      const { outcome, session } = await startSession(
        deps,
        organizationId,
        request.body.token,
        request.body.expiresInSeconds,
      );
      if (!outcome.ok) return reply.code(200).send(refusalBody(outcome.refusal));
      if (!session) throw new Error('a sign-in without its session');
      const signedIn = await signedInIdentity(deps.store, organizationId, outcome.identity);
      return reply.code(201).send({
        ok: true as const,
        session: sessionBody(session, { valid: true, status: 'active', reason: null }),
        identity: signedInIdentityBody(signedIn),
        signer: { id: outcome.signer.id, name: outcome.signer.name },
      });
    },
  );

  app.get(
    '/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Check a session',
        description:
          'Whether the session is still valid, decided now: revoked by DELETE, expired, or revoked because its identity is disabled or deleted (read from the identity’s current status, on every call).',
        params: SessionParams,
        response: responses({ 200: Session }, [404]),
      },
    },
    async (request) => {
      const { session, state } = await readSession(
        deps,
        organizationOf(request).id,
        request.params.sessionId,
      );
      return sessionBody(session, state);
    },
  );

  app.delete(
    '/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Revoke a session',
        description: 'Answers the session with its revokedAt; revoking twice keeps the first time.',
        params: SessionParams,
        response: responses({ 200: Session }, [404]),
      },
    },
    async (request) => {
      const { session, state } = await revokeSession(
        deps,
        organizationOf(request).id,
        request.params.sessionId,
      );
      return sessionBody(session, state);
    },
  );
}
