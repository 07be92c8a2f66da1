/** One problem with a request, naming the field when there is one. */
export interface AdminErrorDetail {
  readonly field?: string;
  readonly location?: 'body' | 'query' | 'path';
  readonly message: string;
}

/** The stable codes of the admin API's error body (docs/admin-api.md lists when each is used). */
export const adminErrorCodes = [
  'validation_failed',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'bad_request',
  'internal',
] as const;
export type AdminErrorCode = (typeof adminErrorCodes)[number];

/** An admin API failure decided in the HTTP layer itself (authentication, authorization). */
export class AdminApiError extends Error {
  readonly status: number;
  readonly code: AdminErrorCode;
  readonly details: readonly AdminErrorDetail[] | undefined;

  constructor(status: number, code: AdminErrorCode, message: string, details?: readonly AdminErrorDetail[]) {
    super(message);
    this.name = 'AdminApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
