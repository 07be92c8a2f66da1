import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ScimError } from '../../core/errors.js';
import {
  DirectoryConflict,
  DirectoryError,
  InvalidDirectoryInput,
  type DirectoryErrorFamily,
  type Problem,
} from '../../directory/directory-error.js';
import { AdminApiError, type AdminErrorCode, type AdminErrorDetail } from './admin-api-error.js';
import { validationDetails, type ValidationIssue } from './validation-details.js';

/**
 * The admin API's one error handler: every failure becomes `{ error: { code, message, details? },
 * requestId }`. Schema validation errors name each bad field; use-case errors keep their message and
 * get the status their code implies; a 5xx never shows internals (the log has them, under the same
 * request id). Registered on the admin scope only: SCIM keeps its RFC 7644 error bodies.
 */
export function replyWithAdminError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const failure = toAdminApiError(error, request);
  if (failure.status >= 500) request.log.error({ err: error }, 'admin request failed');
  else {
    // The message may quote an input (a name, a filter): debug level only.
    request.log.info({ status: failure.status, code: failure.code }, 'admin request rejected');
    request.log.debug({ detail: failure.message }, 'admin request rejected: detail');
  }
  if (failure.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="roster-admin"');
  return reply
    .code(failure.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(
      JSON.stringify({
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.details && failure.details.length > 0 ? { details: failure.details } : {}),
        },
        requestId: request.id,
      }),
    );
}

export function toAdminApiError(error: unknown, request: FastifyRequest): AdminApiError {
  if (error instanceof AdminApiError) return error;
  if (error instanceof DirectoryError) return fromDirectoryError(error, request);
  if (error instanceof ScimError) return fromStatus(error.status, error.message);
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError?.validation) {
    const details = validationDetails(
      fastifyError.validation as unknown as ValidationIssue[],
      fastifyError.validationContext,
    );
    return new AdminApiError(400, 'validation_failed', 'The request is not valid; see details.', details);
  }
  switch (fastifyError?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AdminApiError(400, 'invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AdminApiError(
        413,
        'payload_too_large',
        'The request body is larger than this server accepts.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AdminApiError(415, 'unsupported_media_type', 'Send application/json.');
  }
  if (error instanceof SyntaxError) {
    return new AdminApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return fromStatus(status, 'The request could not be processed.');
  }
  return new AdminApiError(500, 'internal', 'An internal error occurred; the server log has the details.');
}

/** Each family of directory errors is one status: the only place that decides it. */
const familyReply = {
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  invalid: { status: 400, code: 'validation_failed' },
} as const satisfies Record<DirectoryErrorFamily, { status: number; code: AdminErrorCode }>;

function fromDirectoryError(error: DirectoryError, request: FastifyRequest): AdminApiError {
  const reply = familyReply[error.family];
  const details =
    error instanceof InvalidDirectoryInput
      ? problemDetails(error.problems, request)
      : error instanceof DirectoryConflict && error.problems.length > 0
        ? error.problems.map(({ field, message }) => (field === undefined ? { message } : { field, message }))
        : undefined;
  return new AdminApiError(reply.status, reply.code, error.message, details);
}

/** Each problem a use case reported, placed where its field is in the request (body or query). */
function problemDetails(problems: readonly Problem[], request: FastifyRequest): AdminErrorDetail[] {
  const has = (container: unknown, field: string) =>
    typeof container === 'object' && container !== null && Object.hasOwn(container, field);
  return problems.map(({ field, message }) => {
    if (field === undefined) return { message };
    const location = has(request.body, field) ? 'body' : has(request.query, field) ? 'query' : undefined;
    return location ? { field, location, message } : { field, message };
  });
}

function fromStatus(status: number, message: string): AdminApiError {
  const codes: Record<number, AdminErrorCode> = {
    400: 'validation_failed',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
  };
  if (status >= 500) {
    return new AdminApiError(500, 'internal', 'An internal error occurred; the server log has the details.');
  }
  return new AdminApiError(status, codes[status] ?? 'bad_request', message);
}
