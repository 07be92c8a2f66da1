import type { NewDirectoryEvent } from '../model/directory-event.js';
import type { RemapJob } from '../model/remap-job.js';
import type { EventStamp } from './event-stamp.js';

/** A remap job finished: what it went through and changed (each change has its own identity event). */
export function remapCompletedEvent(job: RemapJob, stamp: EventStamp): NewDirectoryEvent {
  return {
    id: stamp.newId(),
    type: 'remap.completed',
    occurredAt: stamp.now,
    cause: stamp.cause,
    resourceType: 'remap',
    resourceId: job.id,
    data: {
      id: job.id,
      integrationId: job.integrationId,
      status: job.status,
      total: job.total,
      processed: job.processed,
      changed: job.changed,
      collisions: job.collisions,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    },
    changed: ['status'],
  };
}
