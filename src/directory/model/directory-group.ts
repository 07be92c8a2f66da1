export interface DirectoryGroup {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface GroupMapping {
  readonly id: string;
  readonly integrationId: string;
  readonly matchBy: 'id' | 'displayName';
  readonly idpGroup: string;
  readonly directoryGroupId: string;
  readonly automatic: boolean;
}
