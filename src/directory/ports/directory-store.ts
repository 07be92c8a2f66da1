import type { AdminKeyRepository } from './admin-key-repository.js';
import type { AuditLogRepository } from './audit-log-repository.js';
import type {
  ConsoleAccountRepository,
  ConsoleLinkRepository,
  ConsoleSessionRepository,
} from './console-account-repository.js';
import type { AuthPolicyRepository } from './auth-policy-repository.js';
import type { DirectoryGroupRepository } from './directory-group-repository.js';
import type { EventRepository } from './event-repository.js';
import type { IdentityRepository } from './identity-repository.js';
import type { InstallationSecretRepository } from './installation-secret-repository.js';
import type { InstallationSettingRepository } from './installation-setting-repository.js';
import type { IntegrationRepository } from './integration-repository.js';
import type { JwtSignerRepository } from './jwt-signer-repository.js';
import type { OrganizationRepository } from './organization-repository.js';
import type { ProvisioningLogRepository } from './provisioning-log-repository.js';
import type { WebhookRepository } from './webhook-repository.js';
import type { SecurityEventKeyRepository } from './security-event-key-repository.js';
import type { RemapJobRepository } from './remap-job-repository.js';
import type { RoleRepository } from './role-repository.js';
import type { GroupHierarchyRepository } from './group-hierarchy-repository.js';
import type { SchemaExtensionRepository } from './schema-extension-repository.js';
import type { ScimResourceRepository } from './scim-resource-repository.js';
import type { SignInSessionRepository } from './sign-in-session-repository.js';
import type { SyncInputsRepository } from './sync-inputs-repository.js';

/** The database connections: how many there may be, how many are checked out, how many checkouts wait. */
export interface PoolUsage {
  readonly size: number;
  readonly inUse: number;
  readonly waiting: number;
}

export interface DirectoryStore {
  readonly adminKeys: AdminKeyRepository;
  readonly auditLog: AuditLogRepository;
  /** The outbox of directory events (appended inside transactions only). */
  readonly events: EventRepository;
  /** SCIM requests as the provisioning log keeps them (written in batches, outside requests). */
  readonly provisioningLog: ProvisioningLogRepository;
  /** Webhook endpoints, their delivery cursors and delivery log. */
  readonly webhooks: WebhookRepository;
  /** The ES256 keys that sign each organization's Security Event Tokens. */
  readonly securityEventKeys: SecurityEventKeyRepository;
  readonly identities: IdentityRepository;
  readonly directoryGroups: DirectoryGroupRepository;
  readonly roles: RoleRepository;
  /** Custom schema extensions and their versions (issue 19). */
  readonly schemaExtensions: SchemaExtensionRepository;
  readonly authPolicies: AuthPolicyRepository;
  readonly jwtSigners: JwtSignerRepository;
  readonly signInSessions: SignInSessionRepository;
  readonly remapJobs: RemapJobRepository;
  readonly installationSecrets: InstallationSecretRepository;
  readonly installationSettings: InstallationSettingRepository;
  readonly organizations: OrganizationRepository;
  readonly integrations: IntegrationRepository;
  readonly scimResources: ScimResourceRepository;
  /** The maintained group-in-group closure (nested groups, docs/groups.md). */
  readonly groupHierarchy: GroupHierarchyRepository;
  /** What the identity sync reads for a batch of users, in one statement per batch. */
  readonly syncInputs: SyncInputsRepository;
  readonly consoleAccounts: ConsoleAccountRepository;
  readonly consoleLinks: ConsoleLinkRepository;
  readonly consoleSessions: ConsoleSessionRepository;
  /** Runs `work` in one database transaction; all of it commits or none of it does. */
  transaction<T>(work: (store: DirectoryStore) => Promise<T>): Promise<T>;
  /** Lets the engine refresh its planner statistics after the data changed shape (cheap when it did not). */
  refreshStatistics(): Promise<void>;
  /**
   * True when `error` says the database could not do the work now but may soon: a lock held too long
   * (SQLITE_BUSY), a statement timeout or cancel, a lost or refused connection. The SCIM endpoint
   * answers it with 503 and Retry-After instead of 500 (docs/errors.md `unavailable`).
   */
  isTransientFailure(error: unknown): boolean;
  /** The connection pool now (metrics): on SQLite the writer connection, in use while a transaction runs. */
  poolUsage(): PoolUsage;
  /** True when the database answers and its schema is at the latest migration. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
