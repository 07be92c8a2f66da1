import type { SecretCipher } from '../secrets/secret-cipher.js';

/** How webhooks are delivered; read once by the composition root (tests shorten the delays). */
export interface WebhookSettings {
  /** Seals `whsec_` secrets at rest (the at-rest cipher of docs/security.md). */
  readonly cipher: SecretCipher;
  /** Loopback, private, link-local and unique-local targets (ROSTER_ALLOW_PRIVATE_WEBHOOK_URLS; tests). */
  readonly allowPrivateUrls: boolean;
  /** One delivery attempt must end within this. */
  readonly timeoutMs: number;
  /** First retry delay; each failed attempt doubles it, up to maxDelayMs, with jitter. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** After failing this long on one event, the endpoint is marked failing (issue 16: 3 days). */
  readonly giveUpAfterMs: number;
  /** How long an instance holds an endpoint it delivers to. */
  readonly leaseMs: number;
  /** ROSTER_PUBLIC_URL: the SETs' issuer (`{publicBaseUrl}/security-events/{organizationId}`) is under it. */
  readonly publicBaseUrl: string;
}

export const defaultWebhookTiming = {
  timeoutMs: 10_000,
  retryBaseMs: 5_000,
  retryMaxMs: 3_600_000,
  giveUpAfterMs: 3 * 86_400_000,
  leaseMs: 60_000,
} as const;
