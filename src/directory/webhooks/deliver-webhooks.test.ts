import { describe, expect, it } from 'vitest';
import { createSecretCipher, generateSecretKey } from '../secrets/secret-cipher.js';
import { retryDelayMs, signingSecrets } from './deliver-webhooks.js';
import { defaultWebhookTiming, type WebhookSettings } from './webhook-settings.js';

const settings: WebhookSettings = {
  cipher: createSecretCipher({ keys: [generateSecretKey()] }),
  allowPrivateUrls: false,
  publicBaseUrl: 'http://127.0.0.1',
  ...defaultWebhookTiming,
};

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 2_500],
    [1, 1, 5_000],
    [2, 1, 10_000],
    [5, 0.5, 60_000],
    [11, 1, 3_600_000],
    [60, 0, 1_800_000],
  ])(
    'attempt %i with jitter %f waits %i ms (doubling from 5 s, capped at an hour, half to whole)',
    (attempt, random, ms) => {
      expect(retryDelayMs(settings, attempt, random)).toBe(ms);
    },
  );

  it('reaches the 3-day give-up after a bounded number of attempts', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed < settings.giveUpAfterMs) elapsed += retryDelayMs(settings, ++attempts, 0.5);
    expect(attempts).toBeGreaterThan(50);
    expect(attempts).toBeLessThan(120);
  });
});

describe('signingSecrets', () => {
  const current = settings.cipher.encrypt('whsec_current');
  const previous = settings.cipher.encrypt('whsec_previous');
  const now = new Date('2026-12-01T12:00:00Z');

  it('signs with the previous secret too only during the overlap', () => {
    expect(
      signingSecrets(settings, { current, previous, previousUntil: '2026-12-01T12:00:01Z' }, now),
    ).toEqual(['whsec_current', 'whsec_previous']);
    expect(
      signingSecrets(settings, { current, previous, previousUntil: '2026-12-01T12:00:00Z' }, now),
    ).toEqual(['whsec_current']);
    expect(signingSecrets(settings, { current, previous: null, previousUntil: null }, now)).toEqual([
      'whsec_current',
    ]);
  });
});
