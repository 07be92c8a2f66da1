/** The profile fields an identity carries (the SCIM-to-profile table of the product documents). */
export interface IdentityProfile {
  readonly username?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly formattedName?: string;
  readonly displayName?: string;
  readonly email?: string;
  readonly mobilePhone?: string;
  readonly workPhone?: string;
  readonly title?: string;
  readonly department?: string;
  readonly employeeNumber?: string;
  readonly manager?: string;
  readonly workAddress?: {
    readonly street?: string;
    readonly locality?: string;
    readonly region?: string;
    readonly postalCode?: string;
    readonly country?: string;
  };
}
