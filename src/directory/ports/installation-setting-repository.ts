import type { InstallationSetting } from '../model/installation-setting.js';

export interface InstallationSettingRepository {
  find(name: string): Promise<InstallationSetting | undefined>;
  /** Writes the value, replacing any earlier one (the last writer wins). */
  save(name: string, value: string, now: string): Promise<void>;
}
