/** A key for the admin API: scoped to one organization or (organizationId null) to the whole installation. */
export interface AdminKey {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string | null;
  /** The key's first characters, to recognise it in a list; far too few to use it. */
  readonly hint: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}
