/** A failure of a directory use case outside the SCIM protocol (CLI and admin API), with a stable code. */
export class DirectoryError extends Error {
  readonly code: string;

  constructor(code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DirectoryError';
    this.code = code;
  }
}
