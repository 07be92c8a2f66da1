export type RemapJobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface RemapJob {
  readonly id: string;
  readonly organizationId: string;
  readonly integrationId: string;
  readonly status: RemapJobStatus;
  readonly total: number;
  readonly processed: number;
  readonly changed: number;
  readonly collisions: number;
  /** The last SCIM resource id processed: where a resumed job continues. */
  readonly position: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
