import { type Hunk, parsePatch } from "../diff/parse-patch.js";
import { type ArchitectureImpact, createEmptyImpact } from "./architecture-impact.js";
import { extractDataChanges, extractTableQueries } from "./extract-data-changes.js";
import { extractEndpoints, getEndpointLanguage, routeHint } from "./extract-endpoints.js";
import { extractManifestDependencies } from "./extract-manifest-dependencies.js";
import { extractConfigKeys, extractOutbound } from "./extract-outbound.js";
import { isTestPath } from "./is-test-path.js";

export interface ImpactFile {
  filename: string;
  /** GitHub's per-file patch; absent for binary or very large files. */
  patch?: string | undefined;
}

/**
 * What a pull request does to the system, from its files' patches alone (no repository reads): endpoints,
 * data changes, new queries, outbound dependencies, configuration keys and manifest dependencies. Test
 * files are left out. Never throws on odd input: a file that cannot be read adds nothing, and `onError`
 * hears why.
 */
export function buildArchitectureImpact(
  files: readonly ImpactFile[],
  options: { onError?(path: string, error: unknown): void } = {},
): ArchitectureImpact {
  const impact = createEmptyImpact();
  for (const file of files) addFileImpact(impact, file, undefined, options);
  return impact;
}

/**
 * Adds one file's part of the impact to `impact` (what `buildArchitectureImpact` does per file). `hunks`:
 * the file's patch already parsed, when the caller has it.
 */
export function addFileImpact(
  impact: ArchitectureImpact,
  file: ImpactFile,
  hunks: readonly Hunk[] | undefined,
  options: { onError?(path: string, error: unknown): void } = {},
): void {
  if (!file.patch || isTestPath(file.filename)) return;
  const path = file.filename;
  try {
    const parsed = hunks ?? parsePatch(file.patch);
    if (parsed.length === 0) return;
    if (getEndpointLanguage(path) && routeHint.test(file.patch))
      impact.endpoints.push(...extractEndpoints(path, parsed));
    impact.dataChanges.push(...extractDataChanges(path, parsed));
    impact.queries.push(...extractTableQueries(path, parsed));
    impact.outbound.push(...extractOutbound(path, parsed));
    impact.configKeys.push(...extractConfigKeys(path, parsed));
    impact.dependencies.push(...extractManifestDependencies(path, parsed));
  } catch (error) {
    options.onError?.(path, error);
  }
}
