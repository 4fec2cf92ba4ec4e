import type { DefaultOverride } from './records.ts';

export interface PromptVersionInfo {
  version: string;
  variables: string[];
  digest: string;
}

/** One loaded prompt family: its versions (validated at start) and the configured default. */
export interface PromptFamilyInfo {
  name: string;
  versions: PromptVersionInfo[];
  configDefault: string;
}

export interface PromptFamilyView {
  name: string;
  versions: PromptVersionInfo[];
  defaultVersion: string;
  defaultSource: string;
}

/**
 * The prompt families generate serves, with each one's default: the configured version, unless a
 * completed experiment or rollout promoted another (then its source names it).
 */
export class PromptRegistry {
  readonly #families: PromptFamilyInfo[];
  readonly #promoted: (family: string) => DefaultOverride | undefined;

  constructor(families: PromptFamilyInfo[], promoted: (family: string) => DefaultOverride | undefined) {
    this.#families = families;
    this.#promoted = promoted;
  }

  /** The versions of a family, or undefined for a family that is not loaded. */
  versions = (family: string): readonly string[] | undefined =>
    this.#families.find((info) => info.name === family)?.versions.map((version) => version.version);

  async list(): Promise<PromptFamilyView[]> {
    return this.#families.map((family) => {
      const override = this.#promoted(family.name);
      const promoted =
        override?.promptVersion && family.versions.some((v) => v.version === override.promptVersion);
      return {
        name: family.name,
        versions: family.versions,
        defaultVersion: promoted ? (override.promptVersion as string) : family.configDefault,
        defaultSource: promoted ? override.source : 'config',
      };
    });
  }
}
