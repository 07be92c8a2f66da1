/** A plain value the whole installation shares, with the time it was last written. */
export interface InstallationSetting {
  readonly value: string;
  readonly updatedAt: string;
}
