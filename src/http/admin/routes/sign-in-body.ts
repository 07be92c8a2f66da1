import type { SignInSession } from '../../../directory/model/sign-in-session.js';
import type { SessionState } from '../../../directory/sign-in/sign-in-sessions.js';
import type { SignedInIdentity } from '../../../directory/sign-in/signed-in-identity.js';
import type { SignInRefusal } from '../../../directory/sign-in/sign-in-refusal.js';
import { identityBody } from './identity-body.js';

export function refusalBody(refusal: SignInRefusal) {
  return {
    ok: false as const,
    code: refusal.code,
    message: refusal.message,
    ...(refusal.rule === undefined ? {} : { rule: refusal.rule }),
  };
}

export function signedInIdentityBody(signedIn: SignedInIdentity) {
  const { id, organizationId, name, status, signInExternalId, attributes, profile } = identityBody(
    signedIn.identity,
  );
  return {
    id,
    organizationId,
    name,
    status,
    signInExternalId,
    attributes,
    profile,
    groups: signedIn.groups.map((g) => ({ id: g.id, name: g.name })),
    roles: signedIn.roles.map((r) => ({ id: r.id, name: r.name, permissions: [...r.permissions] })),
    permissions: [...signedIn.permissions],
  };
}

export function sessionBody(session: SignInSession, state: SessionState) {
  return { ...session, valid: state.valid, status: state.status, reason: state.reason };
}
