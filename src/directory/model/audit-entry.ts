/** One admin action, as the audit log keeps it (migration 0015_operator_controls). */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
  /** The organization acted in or on; null for installation-wide actions. */
  readonly organizationId: string | null;
  readonly actor: {
    /** 'admin_key': through the admin API; 'cli': a `roster` command run on the host. */
    readonly kind: 'admin_key' | 'cli';
    /** The admin key's id; null for the CLI. */
    readonly id: string | null;
    /** The key's name, or the account that ran the command. */
    readonly name: string;
  };
  /** `POST /api/v1/organizations/:organizationId/integrations`, or `roster integration pause`. */
  readonly action: string;
  /** Route parameters or command arguments naming what was acted on; never a request body. */
  readonly target: Readonly<Record<string, string>> | readonly string[] | null;
  /** The HTTP status, or the command's exit code. */
  readonly outcome: number;
  readonly address: string | null;
  readonly requestId: string | null;
}

export interface AuditQuery {
  readonly organizationId?: string;
  readonly actorId?: string;
  readonly action?: string;
  /** ISO-8601 bounds, inclusive. */
  readonly since?: string;
  readonly until?: string;
  /** Continue after this entry (newest first). */
  readonly after?: { readonly occurredAt: string; readonly id: string };
  readonly limit: number;
}
