import { hashBearerToken } from '../integrations/bearer-token.js';
import type { ConsoleLink, ConsoleLinkKind } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { CONSOLE_LINK_PREFIX, generateConsoleSecret } from './console-secrets.js';

export interface IssuedConsoleLink {
  readonly link: ConsoleLink;
  /** The link's token, shown once; only its SHA-256 is stored. */
  readonly token: string;
}

export async function issueConsoleLink(
  deps: ConsoleDeps,
  input: {
    kind: ConsoleLinkKind;
    accountId: string | null;
    organizationId: string | null;
    label: string;
    lifetimeMs: number;
  },
): Promise<IssuedConsoleLink> {
  const now = deps.clock.now();
  const token = generateConsoleSecret(CONSOLE_LINK_PREFIX);
  const link: ConsoleLink = {
    id: deps.ids.newId(),
    kind: input.kind,
    accountId: input.accountId,
    organizationId: input.organizationId,
    label: input.label,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.lifetimeMs).toISOString(),
    usedAt: null,
    revokedAt: null,
  };
  await deps.store.consoleLinks.insert(link, hashBearerToken(token));
  return { link, token };
}

/** Where a link opens: the token rides in the fragment, which browsers never send to a server or a referrer. */
export function consoleLinkUrl(publicBaseUrl: string, kind: ConsoleLinkKind, token: string): string {
  return `${publicBaseUrl}/console/${kind === 'setup' ? 'setup' : 'welcome'}#${token}`;
}
