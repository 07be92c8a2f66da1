/**
 * Every SCIM failure is a typed value carrying its HTTP status and RFC 7644 §3.12 `scimType`.
 * The HTTP layer maps these to error bodies in one place (src/http/error-reply.ts).
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

export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimType | undefined;
  /** A stable machine-readable code, listed in docs/errors.md. */
  readonly code: string;

  constructor(status: number, code: string, detail: string, scimType?: ScimType) {
    super(detail);
    this.name = 'ScimError';
    this.status = status;
    this.code = code;
    this.scimType = scimType;
  }
}

export class InvalidSyntaxError extends ScimError {
  constructor(detail: string) {
    super(400, 'invalid_syntax', detail, 'invalidSyntax');
  }
}

export class InvalidValueError extends ScimError {
  constructor(detail: string) {
    super(400, 'invalid_value', detail, 'invalidValue');
  }
}

export class InvalidFilterError extends ScimError {
  constructor(detail: string) {
    super(400, 'invalid_filter', detail, 'invalidFilter');
  }
}

export class InvalidPathError extends ScimError {
  constructor(detail: string) {
    super(400, 'invalid_path', detail, 'invalidPath');
  }
}

export class NoTargetError extends ScimError {
  constructor(detail: string) {
    super(400, 'no_target', detail, 'noTarget');
  }
}

export class MutabilityError extends ScimError {
  constructor(detail: string) {
    super(400, 'mutability', detail, 'mutability');
  }
}

export class UniquenessError extends ScimError {
  constructor(detail: string) {
    super(409, 'uniqueness', detail, 'uniqueness');
  }
}

export class TooManyError extends ScimError {
  constructor(detail: string) {
    super(400, 'too_many', detail, 'tooMany');
  }
}

export class UnauthorizedError extends ScimError {
  constructor(detail = 'A valid bearer token is required.') {
    super(401, 'unauthorized', detail);
  }
}

export class NotFoundError extends ScimError {
  constructor(detail: string) {
    super(404, 'not_found', detail);
  }
}

export class PayloadTooLargeError extends ScimError {
  constructor(detail: string) {
    super(413, 'payload_too_large', detail);
  }
}

export class UnsupportedMediaTypeError extends ScimError {
  constructor(detail: string) {
    super(415, 'unsupported_media_type', detail);
  }
}

export class MethodNotAllowedError extends ScimError {
  constructor(detail: string) {
    super(405, 'method_not_allowed', detail);
  }
}

export class NotImplementedError extends ScimError {
  constructor(detail: string) {
    super(501, 'not_implemented', detail);
  }
}

export class PreconditionFailedError extends ScimError {
  constructor(detail: string) {
    super(412, 'precondition_failed', detail);
  }
}
