import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ScimError } from '../../core/errors.js';
import { DirectoryError } from '../../directory/directory-error.js';
import { AdminApiError, type AdminErrorCode, type AdminErrorDetail } from './admin-api-error.js';
import { validationDetails, type ValidationIssue } from './validation-details.js';

/** Directory error codes that mean "conflicts with the current state", beyond every `*_taken`. */
const conflictCodes = new Set([
  'mapping_exists',
  'default_policy_protected',
  'auth_policy_in_use',
  'identity_deleted',
  'default_organization_protected',
  'organization_has_integrations',
]);

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
  else
    request.log.info(
      { status: failure.status, code: failure.code, detail: failure.message },
      'admin request rejected',
    );
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

function fromDirectoryError(error: DirectoryError, request: FastifyRequest): AdminApiError {
  const code = error.code;
  if (code.endsWith('_not_found')) return new AdminApiError(404, 'not_found', error.message);
  if (code.endsWith('_taken') || conflictCodes.has(code))
    return new AdminApiError(409, 'conflict', error.message);
  return new AdminApiError(
    400,
    'validation_failed',
    error.message,
    problemDetails(error.message, request.body),
  );
}

/**
 * A use case reports every problem at once, joined by "; ". Each becomes a detail; when a problem
 * starts with the name of a field of the request body ("identityName must be ..."), it is named.
 */
function problemDetails(message: string, body: unknown): AdminErrorDetail[] {
  const fields = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  return message
    .replace(/\.$/, '')
    .split('; ')
    .map((problem) => {
      const field = fields.find(
        (name) => problem.startsWith(name) && !/\w/.test(problem.charAt(name.length)),
      );
      return field ? { field, location: 'body' as const, message: problem } : { message: problem };
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
