import { Command } from 'commander';
import { createSecretCipher } from '../directory/secrets/secret-cipher.js';
import { reencryptDeliverySecrets } from '../directory/secrets/reencrypt-delivery-secrets.js';
import { reencryptInstallationSecrets } from '../directory/secrets/reencrypt-installation-secrets.js';
import type { Config } from './config.js';
import { addKeyToFile, openSecretKeys } from './secret-keys.js';
import { printJson, withDirectory } from './with-organization.js';

/**
 * `roster secrets rotate`: a new current key for recoverable secrets, and every stored secret sealed
 * again under it. With a key file the command writes the new key itself (older keys stay below it, for
 * instances not restarted yet); with ROSTER_SECRET_KEY the operator sets the new key and moves the old
 * one to ROSTER_SECRET_KEY_PREVIOUS first, and the command only re-encrypts (docs/security.md).
 */
export function secretsCommand(config: () => Config): Command {
  const command = new Command('secrets').description('Encryption keys of recoverable secrets');
  command
    .command('rotate')
    .description('Make a new current key (key file) and re-encrypt every stored secret under the current key')
    .option('--reencrypt-only', 'only re-encrypt under the key already configured as current')
    .option('--json', 'print JSON')
    .action(async (options: { reencryptOnly?: boolean; json?: boolean }) => {
      const settings = config();
      const source = settings.secretKeys;
      let cipher = openSecretKeys(source).cipher;
      if (!options.reencryptOnly) {
        if (source.kind === 'environment') {
          throw new Error(
            'The keys come from ROSTER_SECRET_KEY: set the new key there, put the old one in ROSTER_SECRET_KEY_PREVIOUS, then run `roster secrets rotate --reencrypt-only`.',
          );
        }
        cipher = createSecretCipher({ keys: addKeyToFile(source.path) });
      }
      const result = await withDirectory(settings, async (deps) => {
        const installation = await reencryptInstallationSecrets({ store: deps.store, cipher });
        // Webhook secrets, SET receivers' Authorization values and SET signing keys too.
        const delivery = await reencryptDeliverySecrets({ store: deps.store, cipher });
        return {
          resealed: installation.resealed + delivery.resealed,
          current: installation.current + delivery.current,
        };
      });
      const summary = { currentKeyId: cipher.currentKeyId, ...result };
      if (options.json) return printJson(summary);
      console.log(`Current secret key: ${summary.currentKeyId}.`);
      console.log(
        `Re-encrypted ${result.resealed} secret(s); ${result.current} already under the current key.`,
      );
      if (source.kind === 'file' && !options.reencryptOnly) {
        console.log(
          `${source.path} lists the older keys below the new one: restart every instance, then the older lines may be removed.`,
        );
      }
    });
  return command;
}
