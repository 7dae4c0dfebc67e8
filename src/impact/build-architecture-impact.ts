import { parsePatch } from "../diff/parse-patch.js";
import { type ArchitectureImpact, createEmptyImpact } from "./architecture-impact.js";
import { extractDataChanges, extractTableQueries } from "./extract-data-changes.js";
import { extractEndpoints, getEndpointLanguage } from "./extract-endpoints.js";
import { extractManifestDependencies } from "./extract-manifest-dependencies.js";
import { extractConfigKeys, extractOutbound } from "./extract-outbound.js";
import { isTestPath } from "./is-test-path.js";

export interface ImpactFile {
  filename: string;
  /** GitHub's per-file patch; absent for binary or very large files. */
  patch?: string | undefined;
}

// A patch without any of these cannot register a route: its file is not parsed for endpoints.
const routeHint =
  /\.(?:get|post|put|patch|delete|del|all|route|api_route|HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Any|Get|Post|Put|Patch|Delete|Method|register|websocket)\s*\(|@(?:Get|Post|Put|Patch|Delete|All|Head|Options|Controller|\w+Mapping)\b|\b(?:re_)?path\s*\(|\burl\s*\(/;

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
  for (const file of files) {
    if (!file.patch || isTestPath(file.filename)) continue;
    const path = file.filename;
    try {
      const hunks = parsePatch(file.patch);
      if (hunks.length === 0) continue;
      if (getEndpointLanguage(path) && routeHint.test(file.patch))
        impact.endpoints.push(...extractEndpoints(path, hunks));
      impact.dataChanges.push(...extractDataChanges(path, hunks));
      impact.queries.push(...extractTableQueries(path, hunks));
      impact.outbound.push(...extractOutbound(path, hunks));
      impact.configKeys.push(...extractConfigKeys(path, hunks));
      impact.dependencies.push(...extractManifestDependencies(path, hunks));
    } catch (error) {
      options.onError?.(path, error);
    }
  }
  return impact;
}
