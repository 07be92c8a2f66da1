import type { InstallationSetting } from '../model/installation-setting.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * The public base URL of integration URLs is the server's to decide (it answers on it and puts it in
 * every `meta.location`), so every `roster serve` records the one it uses when it starts and CLI
 * commands, which may run with another environment or on another host, print integration URLs from it.
 */
const PUBLIC_BASE_URL = 'public_base_url';

/** Records the server's public base URL; returns the one recorded before, if any. */
export async function recordPublicBaseUrl(
  deps: { store: DirectoryStore; clock: Clock },
  url: string,
): Promise<InstallationSetting | undefined> {
  const previous = await deps.store.installationSettings.find(PUBLIC_BASE_URL);
  await deps.store.installationSettings.save(PUBLIC_BASE_URL, url, deps.clock.now().toISOString());
  return previous;
}

/** The public base URL the last server to start recorded (value and when), if a server ever started. */
export function recordedPublicBaseUrl(store: DirectoryStore): Promise<InstallationSetting | undefined> {
  return store.installationSettings.find(PUBLIC_BASE_URL);
}
