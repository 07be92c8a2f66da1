import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  ClientError,
  InternalError,
  InvalidSyntaxError,
  PayloadTooLargeError,
  RetryLaterError,
  ScimError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from '../core/errors.js';
import { errorBody } from '../core/protocol/error-body.js';
import { sendScim } from './scim-reply.js';

/**
 * The one place errors become SCIM HTTP answers. SCIM errors keep their status and scimType; the
 * framework's own client errors (bad JSON, body too large, wrong media type) become the matching SCIM
 * error; anything else is a 500 whose body says nothing about internals (the log has the details).
 */
export function replyWithScimError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  isTransientFailure: (error: unknown) => boolean = () => false,
): FastifyReply {
  const scimError = toScimError(error, isTransientFailure);
  if (scimError instanceof ServiceUnavailableError) {
    request.log.warn({ err: error }, 'request not completed: the database is busy or unavailable');
  } else if (scimError.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    // The detail may quote a filter or a userName (personal data): debug level only.
    request.log.info({ status: scimError.status, scimType: scimError.scimType }, 'request rejected');
    request.log.debug({ detail: scimError.message }, 'request rejected: detail');
  }
  if (scimError.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="roster"');
  if (scimError instanceof RetryLaterError) reply.header('retry-after', String(scimError.retryAfterSeconds));
  // What the provisioning log records of a refused SCIM request, known here without reading the body back.
  request.scimFailure = { scimType: scimError.scimType ?? null, detail: scimError.message };
  return sendScim(reply, scimError.status, errorBody(scimError));
}

export function toScimError(
  error: unknown,
  isTransientFailure: (error: unknown) => boolean = () => false,
): ScimError {
  if (error instanceof ScimError) return error;
  // The store says which driver errors mean "not now" (SQLITE_BUSY, statement timeout, lost connection).
  if (isTransientFailure(error)) return new ServiceUnavailableError();
  const fastifyError = error as Partial<FastifyError> | null;
  switch (fastifyError?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new InvalidSyntaxError('The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new InvalidSyntaxError('The Content-Length header does not match the body.');
  }
  // JSON.parse failures inside the body parser, including prototype-poisoning rejections.
  if (error instanceof SyntaxError || fastifyError?.statusCode === 400) {
    return new InvalidSyntaxError('The request body is not valid JSON.');
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new ClientError(status);
  return new InternalError();
}
