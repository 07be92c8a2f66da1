import { randomBytes } from 'node:crypto';
import type { ConsoleDeps } from './console-deps.js';
import { consolePolicy } from './console-policy.js';
import { issueConsoleLink, type IssuedConsoleLink } from './issue-console-link.js';

const FIRST_ACCOUNT_MARKER = 'console-first-account-link-issued';

/**
 * On the first start of an installation without console accounts, issues one link that creates the
 * first (installation-wide) account, for the operator to print. Once per installation, like the
 * bootstrap admin key: instances starting together race for a marker row and only the winner issues it;
 * later starts issue none (`roster console-account invite` makes more).
 */
export async function issueFirstAccountLink(deps: ConsoleDeps): Promise<IssuedConsoleLink | undefined> {
  if ((await deps.store.consoleAccounts.count()) > 0) return undefined;
  return deps.store.transaction(async (store) => {
    const claim = randomBytes(16).toString('hex');
    const holder = await store.installationSecrets.getOrCreate(
      FIRST_ACCOUNT_MARKER,
      () => claim,
      deps.clock.now().toISOString(),
    );
    if (holder !== claim) return undefined;
    return issueConsoleLink(
      { ...deps, store },
      {
        kind: 'first_account',
        accountId: null,
        organizationId: null,
        label: 'first account',
        lifetimeMs: consolePolicy.firstAccountLinkMs,
      },
    );
  });
}
