import { recordedPublicBaseUrl } from '../directory/integrations/public-base-url.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import type { Config } from './config.js';

export interface IntegrationUrlBase {
  readonly url: string;
  /** Said on stderr when the URL may not be the one the server answers on. */
  readonly warning: string | undefined;
}

/**
 * The public base URL a CLI command prints integration URLs with: the one the server recorded when it
 * last started (its own ROSTER_PUBLIC_URL, or its host and port), since a command's own environment often
 * lacks the server's port or proxy URL. This command's environment is used, with a warning, only when no
 * server has recorded one yet, or when it sets ROSTER_PUBLIC_URL explicitly to something else.
 */
export async function integrationUrlBase(store: DirectoryStore, config: Config): Promise<IntegrationUrlBase> {
  const recorded = await recordedPublicBaseUrl(store);
  if (!recorded) {
    return {
      url: config.publicBaseUrl,
      warning:
        `Warning: no Roster server has started on this database yet, so integration URLs are built from ` +
        `this command's ${config.publicBaseUrlFrom} (${config.publicBaseUrl}); check that the server ` +
        `answers there, or start "roster serve" once and run this again.`,
    };
  }
  if (config.publicBaseUrlFrom === 'ROSTER_PUBLIC_URL' && config.publicBaseUrl !== recorded.value) {
    return {
      url: config.publicBaseUrl,
      warning:
        `Warning: ROSTER_PUBLIC_URL here is ${config.publicBaseUrl}, but the server recorded ` +
        `${recorded.value} when it started (${recorded.updatedAt}); integration URLs use ROSTER_PUBLIC_URL. ` +
        `Give the server the same ROSTER_PUBLIC_URL (and restart it) so its SCIM responses agree.`,
    };
  }
  return { url: recorded.value, warning: undefined };
}
