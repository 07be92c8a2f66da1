import type { FastifyRequest } from 'fastify';
import { unstorableTextReason } from '../../core/resource/storable-text.js';
import { AdminApiError, type AdminErrorDetail } from './admin-api-error.js';

/**
 * The admin API's side of issue 14's rule: text that SQLite and PostgreSQL would not store alike (a NUL,
 * a lone UTF-16 surrogate) is refused with 400 before any database work, wherever it comes from, so both
 * engines answer the same input the same way (PostgreSQL answered a NUL in a path with 500, and stored a
 * lone surrogate as U+FFFD). The rule itself is the core's `unstorableTextReason`.
 */
export function refuseUnstorableText(
  values: unknown,
  location: NonNullable<AdminErrorDetail['location']>,
): void {
  const pending: { value: unknown; field: string | undefined }[] = [{ value: values, field: undefined }];
  while (pending.length > 0) {
    const { value, field } = pending.pop() as { value: unknown; field: string | undefined };
    if (typeof value === 'string') {
      const reason = unstorableTextReason(value);
      if (reason !== undefined) {
        const message = `${field === undefined ? 'A value' : `"${field}"`} holds ${reason}.`;
        throw new AdminApiError(400, 'validation_failed', message, [
          { ...(field === undefined ? {} : { field }), location, message },
        ]);
      }
    } else if (Array.isArray(value)) {
      for (const element of value) pending.push({ value: element, field });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        pending.push({ value: key, field: key });
        pending.push({ value: member, field: field === undefined ? key : `${field}.${key}` });
      }
    }
  }
}

/** Path parameters and query values: checked as soon as the route is known, before authentication reads. */
export async function refuseUnstorableUrlText(request: FastifyRequest): Promise<void> {
  refuseUnstorableText(request.params, 'path');
  refuseUnstorableText(request.query, 'query');
}
