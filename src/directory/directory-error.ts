/**
 * Failures of directory use cases outside the SCIM protocol (admin API and CLI), in three families. The
 * catalogue is the one list of their codes: docs/errors.md is checked against it, and each family
 * becomes one HTTP status in one place (src/http/admin/admin-error-reply.ts); the CLI prints the message.
 */
export type DirectoryErrorFamily = 'not_found' | 'conflict' | 'invalid';

export const directoryErrorCatalogue = {
  organization_not_found: 'not_found',
  integration_not_found: 'not_found',
  identity_not_found: 'not_found',
  group_not_found: 'not_found',
  mapping_not_found: 'not_found',
  role_not_found: 'not_found',
  auth_policy_not_found: 'not_found',
  jwt_signer_not_found: 'not_found',
  admin_key_not_found: 'not_found',
  remap_job_not_found: 'not_found',
  session_not_found: 'not_found',
  console_account_not_found: 'not_found',
  setup_link_not_found: 'not_found',
  webhook_not_found: 'not_found',
  security_event_receiver_not_found: 'not_found',
  delivery_not_found: 'not_found',
  schema_extension_not_found: 'not_found',
  name_taken: 'conflict',
  integration_name_taken: 'conflict',
  mapping_exists: 'conflict',
  default_policy_protected: 'conflict',
  auth_policy_in_use: 'conflict',
  identity_deleted: 'conflict',
  default_organization_protected: 'conflict',
  organization_has_integrations: 'conflict',
  console_email_taken: 'conflict',
  event_cursor_expired: 'conflict',
  schema_extension_exists: 'conflict',
  schema_extension_in_use: 'conflict',
  schema_extension_changed: 'conflict',
  schema_extension_breaks_data: 'conflict',
  invalid_name: 'invalid',
  ambiguous_name: 'invalid',
  invalid_settings: 'invalid',
  invalid_role: 'invalid',
  invalid_auth_policy: 'invalid',
  invalid_jwt_signer: 'invalid',
  invalid_group_mapping: 'invalid',
  invalid_query: 'invalid',
  invalid_preview: 'invalid',
  invalid_scope: 'invalid',
  invalid_oauth: 'invalid',
  invalid_email: 'invalid',
  invalid_password: 'invalid',
  invalid_console_link: 'invalid',
  invalid_event_query: 'invalid',
  invalid_webhook: 'invalid',
  invalid_schema_extension: 'invalid',
} as const satisfies Record<string, DirectoryErrorFamily>;

export type DirectoryErrorCode = keyof typeof directoryErrorCatalogue;
type CodeOf<F extends DirectoryErrorFamily> = {
  [C in DirectoryErrorCode]: (typeof directoryErrorCatalogue)[C] extends F ? C : never;
}[DirectoryErrorCode];
export type NotFoundCode = CodeOf<'not_found'>;
export type ConflictCode = CodeOf<'conflict'>;
export type InvalidCode = CodeOf<'invalid'>;

/** One problem with an input; `field` names the field of the request it is about, when there is one. */
export interface Problem {
  readonly field?: string;
  readonly message: string;
}

export abstract class DirectoryError extends Error {
  readonly code: DirectoryErrorCode;
  readonly family: DirectoryErrorFamily;

  protected constructor(code: DirectoryErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.family = directoryErrorCatalogue[code];
  }
}

/** What was asked for does not exist (or belongs to another organization, which is the same to the asker). */
export class DirectoryNotFound extends DirectoryError {
  constructor(code: NotFoundCode, message: string) {
    super(code, message);
  }
}

/** The request is sound but the directory's current state refuses it (a name taken, a policy in use). */
export class DirectoryConflict extends DirectoryError {
  /** What in the current state refuses it, one item each (e.g. the resources a change would break). */
  readonly problems: readonly Problem[];

  constructor(code: ConflictCode, message: string, problems: readonly Problem[] = []) {
    super(code, message);
    this.problems = problems;
  }
}

/** The input has problems: every one of them, each naming its field when there is one. */
export class InvalidDirectoryInput extends DirectoryError {
  readonly problems: readonly Problem[];

  constructor(code: InvalidCode, problems: readonly (Problem | string)[]) {
    const list = problems.map((p) => (typeof p === 'string' ? { message: p } : p));
    const text = list.map((p) => p.message).join('; ');
    super(code, `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`);
    this.problems = list;
  }
}
