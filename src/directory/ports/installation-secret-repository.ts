/** Installation-wide secrets, stored encrypted (src/directory/secrets): values here are sealed text. */
export interface InstallationSecretRepository {
  /** The named secret, created from `generate` by whichever instance asks first. */
  getOrCreate(name: string, generate: () => string, now: string): Promise<string>;
  /** Sets the value only if it is still `expected`; whether it did (another instance may have first). */
  replace(name: string, expected: string, value: string): Promise<boolean>;
  /** Every secret's name and stored value (few rows: re-encryption after a key rotation). */
  list(): Promise<readonly { readonly name: string; readonly value: string }[]>;
}
