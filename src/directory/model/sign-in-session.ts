/** A sign-in an app recorded after a successful verify; whether it is still valid is decided when read. */
export interface SignInSession {
  readonly id: string;
  readonly organizationId: string;
  readonly identityId: string;
  readonly signerId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}
