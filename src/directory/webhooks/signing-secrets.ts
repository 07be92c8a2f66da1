import type { SealedWebhookSecrets } from '../model/webhook-endpoint.js';
import type { WebhookSettings } from './webhook-settings.js';

/** The plain secrets that sign now: the current one, and the previous one during a rotation's overlap. */
export function signingSecrets(settings: WebhookSettings, sealed: SealedWebhookSecrets, now: Date): string[] {
  const secrets = [settings.cipher.decrypt(sealed.current)];
  if (sealed.previous && sealed.previousUntil && Date.parse(sealed.previousUntil) > now.getTime())
    secrets.push(settings.cipher.decrypt(sealed.previous));
  return secrets;
}
