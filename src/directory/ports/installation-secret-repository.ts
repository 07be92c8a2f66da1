export interface InstallationSecretRepository {
  /** The named secret, created from `generate` by whichever instance asks first. */
  getOrCreate(name: string, generate: () => string, now: string): Promise<string>;
}
