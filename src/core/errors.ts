/**
 * Every SCIM failure is a typed value carrying its HTTP status and RFC 7644 §3.12 `scimType`, one class
 * per failure. The catalogue below is the one list of them: docs/errors.md is checked against it
 * (test/docs-consistency.test.ts), and the HTTP layer maps them to error bodies in one place
 * (src/http/scim-error-reply.ts).
 */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'
  | 'invalidCursor'
  | 'expiredCursor'
  | 'invalidCount';

interface CatalogueEntry {
  /** The HTTP status; `4xx` for the generic client error, whose status the HTTP layer detected. */
  readonly status: number | '4xx';
  readonly scimType?: ScimType;
}

/** Every code Roster's SCIM endpoint can answer with. */
export const scimErrorCatalogue = {
  invalid_syntax: { status: 400, scimType: 'invalidSyntax' },
  invalid_value: { status: 400, scimType: 'invalidValue' },
  invalid_filter: { status: 400, scimType: 'invalidFilter' },
  invalid_path: { status: 400, scimType: 'invalidPath' },
  no_target: { status: 400, scimType: 'noTarget' },
  mutability: { status: 400, scimType: 'mutability' },
  invalid_count: { status: 400, scimType: 'invalidCount' },
  invalid_cursor: { status: 400, scimType: 'invalidCursor' },
  expired_cursor: { status: 400, scimType: 'expiredCursor' },
  unauthorized: { status: 401 },
  not_found: { status: 404 },
  uniqueness: { status: 409, scimType: 'uniqueness' },
  bulk_circular_reference: { status: 409 },
  bulk_reference_failed: { status: 409 },
  precondition_failed: { status: 412 },
  payload_too_large: { status: 413 },
  unsupported_media_type: { status: 415 },
  rate_limited: { status: 429 },
  integration_paused: { status: 503 },
  client_error: { status: '4xx' },
  internal: { status: 500 },
} as const satisfies Record<string, CatalogueEntry>;

export type ScimErrorCode = keyof typeof scimErrorCatalogue;

export abstract class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimType | undefined;
  /** A stable machine-readable code, listed in docs/errors.md. */
  readonly code: ScimErrorCode;

  protected constructor(code: ScimErrorCode, detail: string, status?: number) {
    super(detail);
    const entry: CatalogueEntry = scimErrorCatalogue[code];
    this.name = new.target.name;
    this.code = code;
    this.status = status ?? (entry.status === '4xx' ? 400 : entry.status);
    this.scimType = entry.scimType;
  }
}

export class InvalidSyntaxError extends ScimError {
  constructor(detail: string) {
    super('invalid_syntax', detail);
  }
}

export class InvalidValueError extends ScimError {
  constructor(detail: string) {
    super('invalid_value', detail);
  }
}

export class InvalidFilterError extends ScimError {
  constructor(detail: string) {
    super('invalid_filter', detail);
  }
}

export class InvalidPathError extends ScimError {
  constructor(detail: string) {
    super('invalid_path', detail);
  }
}

export class NoTargetError extends ScimError {
  constructor(detail: string) {
    super('no_target', detail);
  }
}

export class MutabilityError extends ScimError {
  constructor(detail: string) {
    super('mutability', detail);
  }
}

/** RFC 9865 §3: `count` outside what cursor pagination allows. */
export class InvalidCountError extends ScimError {
  constructor(detail: string) {
    super('invalid_count', detail);
  }
}

/** RFC 9865 §3: a cursor this server did not issue for this query. */
export class InvalidCursorError extends ScimError {
  constructor(
    detail = 'The cursor is not one this server issued for this query; use an empty cursor for the first page.',
  ) {
    super('invalid_cursor', detail);
  }
}

/** RFC 9865 §3: a cursor past its lifetime. */
export class ExpiredCursorError extends ScimError {
  constructor(detail = 'The cursor has expired; start again from the first page.') {
    super('expired_cursor', detail);
  }
}

export class UnauthorizedError extends ScimError {
  constructor(detail = 'A valid bearer token is required.') {
    super('unauthorized', detail);
  }
}

export class NotFoundError extends ScimError {
  constructor(detail: string) {
    super('not_found', detail);
  }
}

export class UniquenessError extends ScimError {
  constructor(detail: string) {
    super('uniqueness', detail);
  }
}

/** RFC 7644 §3.7.1: bulkId references that wait on each other. */
export class BulkCircularReferenceError extends ScimError {
  constructor(detail = 'Circular bulkId references cannot be resolved.') {
    super('bulk_circular_reference', detail);
  }
}

/** RFC 7644 §3.7.3: an operation that refers to an operation that failed. */
export class BulkReferenceFailedError extends ScimError {
  constructor(bulkId: string) {
    super('bulk_reference_failed', `Operation "bulkId:${bulkId}" failed, so this one cannot run.`);
  }
}

export class PreconditionFailedError extends ScimError {
  constructor(detail: string) {
    super('precondition_failed', detail);
  }
}

export class PayloadTooLargeError extends ScimError {
  constructor(detail = 'The request body is larger than this server accepts.') {
    super('payload_too_large', detail);
  }
}

export class UnsupportedMediaTypeError extends ScimError {
  constructor(detail = 'Send application/scim+json or application/json.') {
    super('unsupported_media_type', detail);
  }
}

/** A client error the HTTP layer detected that no more specific class describes; `status` says which. */
export class ClientError extends ScimError {
  constructor(status: number, detail = 'The request could not be processed.') {
    super('client_error', detail, status);
  }
}

/** A bug: the body says only that the log has the details, never what went wrong. */
export class InternalError extends ScimError {
  constructor() {
    super('internal', 'An internal error occurred; the server log has the details.');
  }
}

/** A refusal to retry later: the HTTP layer sends `Retry-After` (RFC 9110 §10.2.3) with the error body. */
export abstract class RetryLaterError extends ScimError {
  readonly retryAfterSeconds: number;

  protected constructor(code: ScimErrorCode, detail: string, retryAfterSeconds: number) {
    super(code, detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * An operator paused the integration: nothing of the request was done. 503 with Retry-After is what
 * IdPs retry (RFC 7644 §3.12 leaves 503 without a scimType), so no change is lost while paused.
 */
export class IntegrationPausedError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      'integration_paused',
      'This integration is paused by its operator; nothing was changed. Retry later.',
      retryAfterSeconds,
    );
  }
}

/** RFC 6585 §4: the integration (or admin key) sent more requests than its limit allows. */
export class RateLimitedError extends RetryLaterError {
  constructor(detail: string, retryAfterSeconds: number) {
    super('rate_limited', detail, retryAfterSeconds);
  }
}
