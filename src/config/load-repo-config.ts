import { type ParseRepoConfigResult, parseRepoConfig, toConfigLoadError } from "./repo-config.js";

/** File name under `.github/`. */
export const repoConfigFileName = "architect.yml";

/** The subset of deepmerge's options that Probot's `context.config` passes on. */
export interface ConfigMergeOptions {
  arrayMerge?: (target: unknown[], source: unknown[]) => unknown[];
}

/** Anything with Probot's `context.config` (a Probot `Context` is one). */
export interface RepoConfigSource {
  config: (
    fileName: string,
    defaults?: object,
    deepMergeOptions?: ConfigMergeOptions,
  ) => Promise<object | null>;
}

/**
 * A file that `_extends` another replaces its lists instead of appending to them: `focus: [security]`
 * means security only, whatever the base file lists.
 */
const replaceArrays = (_target: unknown[], source: unknown[]): unknown[] => source;

/**
 * Reads `.github/architect.yml` through Probot (default branch, falling back to the owner's `.github`
 * repository, `_extends` followed) and validates it. Never throws: a missing file gives the defaults, a
 * file Probot cannot fetch or parse gives a ConfigError for the check run.
 *
 * @example
 * const result = await loadRepoConfig(context);
 * if (!result.ok) return publishConfigErrors(formatConfigErrors(result.errors));
 */
export async function loadRepoConfig(source: RepoConfigSource): Promise<ParseRepoConfigResult> {
  let raw: object | null;
  try {
    // No defaults object: without a file Probot returns null, and parseRepoConfig applies the defaults.
    raw = await source.config(repoConfigFileName, undefined, { arrayMerge: replaceArrays });
  } catch (error) {
    return { ok: false, errors: [toConfigLoadError(repoConfigFileName, error)] };
  }
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "_extends" in raw) {
    const { _extends: _ignored, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  return parseRepoConfig(raw);
}
