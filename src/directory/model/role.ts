export interface Role {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly permissions: readonly string[];
}
