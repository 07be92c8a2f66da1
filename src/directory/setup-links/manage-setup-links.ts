import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { ConsoleDeps } from '../console-accounts/console-deps.js';
import { consolePolicy } from '../console-accounts/console-policy.js';
import { issueConsoleLink, type IssuedConsoleLink } from '../console-accounts/issue-console-link.js';
import type { ConsoleLink } from '../model/console-account.js';
import type { OrganizationScope } from '../model/scope.js';

/**
 * Self-serve setup links: an app creates one for one organization and hands it to its customer's IT
 * admin, who opens a reduced console for that organization without an account. Valid for a chosen time
 * and spent on first use.
 */
export async function createSetupLink(
  deps: ConsoleDeps,
  scope: OrganizationScope,
  input: { label?: string | undefined; validForHours?: number | undefined },
): Promise<IssuedConsoleLink> {
  const hours = input.validForHours ?? consolePolicy.setupLinkDefaultHours;
  if (!Number.isFinite(hours) || hours <= 0 || hours > consolePolicy.setupLinkMaxHours) {
    throw new InvalidDirectoryInput('invalid_console_link', [
      {
        field: 'validForHours',
        message: `A setup link is valid for 1 to ${consolePolicy.setupLinkMaxHours} hours.`,
      },
    ]);
  }
  return issueConsoleLink(deps, {
    kind: 'setup',
    accountId: null,
    organizationId: scope.organizationId,
    label: (input.label ?? '').trim().slice(0, 200),
    lifetimeMs: hours * 3_600_000,
  });
}

export async function listSetupLinks(
  deps: Pick<ConsoleDeps, 'store'>,
  scope: OrganizationScope,
): Promise<readonly ConsoleLink[]> {
  return deps.store.consoleLinks.listSetupLinks(scope.organizationId);
}

async function setupLinkOf(deps: Pick<ConsoleDeps, 'store'>, scope: OrganizationScope, id: string) {
  const link = await deps.store.consoleLinks.findById(id);
  if (!link || link.kind !== 'setup' || link.organizationId !== scope.organizationId) {
    throw new DirectoryNotFound('setup_link_not_found', `No setup link with id "${id}".`);
  }
  return link;
}

/** Revokes the link: it no longer opens, and the sessions it opened end at once. */
export async function revokeSetupLink(
  deps: ConsoleDeps,
  scope: OrganizationScope,
  id: string,
): Promise<ConsoleLink> {
  const link = await setupLinkOf(deps, scope, id);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (store) => {
    await store.consoleLinks.revoke(link.id, now);
    await store.consoleSessions.revokeAllOfLink(link.id, now);
  });
  return { ...link, revokedAt: link.revokedAt ?? now };
}

/** A new link with the same label and lifetime, replacing this one (which is revoked). */
export async function regenerateSetupLink(
  deps: ConsoleDeps,
  scope: OrganizationScope,
  id: string,
): Promise<IssuedConsoleLink> {
  const link = await setupLinkOf(deps, scope, id);
  const hours = Math.max(
    1,
    Math.round((new Date(link.expiresAt).getTime() - new Date(link.createdAt).getTime()) / 3_600_000),
  );
  await revokeSetupLink(deps, scope, id);
  return createSetupLink(deps, scope, { label: link.label, validForHours: hours });
}
