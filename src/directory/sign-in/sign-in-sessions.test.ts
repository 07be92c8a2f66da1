import { describe, expect, it } from 'vitest';
import type { SignInSession } from '../model/sign-in-session.js';
import { sessionState } from './sign-in-sessions.js';

const session: SignInSession = {
  id: 's',
  organizationId: 'o',
  identityId: 'i',
  signerId: 'g',
  createdAt: '2026-06-01T12:00:00.000Z',
  expiresAt: '2026-06-01T13:00:00.000Z',
  revokedAt: null,
};
const at = (time: string) => Date.parse(time);

describe('sessionState', () => {
  it('is valid while the identity is active and the session neither revoked nor expired', () => {
    expect(sessionState(session, 'active', at('2026-06-01T12:30:00Z'))).toEqual({
      valid: true,
      status: 'active',
      reason: null,
    });
  });
  it.each([
    [{}, 'disabled', '2026-06-01T12:30:00Z', 'identity_disabled'],
    [{}, 'deleted', '2026-06-01T12:30:00Z', 'identity_deleted'],
    [{}, undefined, '2026-06-01T12:30:00Z', 'identity_deleted'],
    [{ revokedAt: '2026-06-01T12:10:00.000Z' }, 'active', '2026-06-01T12:30:00Z', 'revoked'],
    [{}, 'active', '2026-06-01T13:00:00Z', 'expired'],
    // A revoked or disabled session says so even after it would have expired.
    [{ revokedAt: '2026-06-01T12:10:00.000Z' }, 'active', '2026-06-02T00:00:00Z', 'revoked'],
  ] as const)('%j with identity %s at %s: %s', (change, status, time, reason) => {
    const state = sessionState({ ...session, ...change }, status, at(time));
    expect(state).toMatchObject({ valid: false, reason });
  });
});
