import type { Logger } from "pino";
import { isPathIncluded, type RepoConfig } from "../config/repo-config.js";
import {
  type ApiAddition,
  type ArchitectureImpact,
  createEmptyImpact,
} from "../impact/architecture-impact.js";
import { buildArchitectureImpact, type ImpactFile } from "../impact/build-architecture-impact.js";
import { renderImpactSection } from "../impact/render-impact-section.js";

const batchSize = 25;

/**
 * Step 10b: the "Architecture impact" section for the review body and the check run, read from every
 * changed file of the pull request the configuration does not exclude (manifests and migrations too, which
 * are not reviewed as server code), with the model's sentences on it. Null when the section is off or the
 * change touches nothing it reports.
 */
export async function describeImpact(params: {
  config: RepoConfig;
  files: readonly ImpactFile[];
  /** The model's impact sentences, one per call; the first is used. */
  summaries: readonly string[];
  /** Non-breaking API additions found by the API-contract stage, when it ran. */
  apiAdditions?: readonly ApiAddition[];
  log: Logger;
  maxLength?: number;
}): Promise<string | null> {
  if (!params.config.architecture_impact.enabled) return null;
  const files = params.files.filter((file) => isPathIncluded(params.config, file.filename));
  const impact = createEmptyImpact();
  // Parsing is synchronous CPU work: batches, with a yield to the event loop in between (webhooks, locks).
  for (let i = 0; i < files.length; i += batchSize) {
    const part = buildArchitectureImpact(files.slice(i, i + batchSize), {
      onError: (path, error) =>
        params.log.warn({ err: error, path }, "Could not read a file for the architecture impact"),
    });
    for (const key of Object.keys(impact) as (keyof ArchitectureImpact)[]) {
      (impact[key] as unknown[]).push(...part[key]);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  impact.apiAdditions.push(...(params.apiAdditions ?? []));
  return renderImpactSection(impact, {
    summary: params.summaries[0],
    diagram: params.config.architecture_impact.diagram,
    maxLength: params.maxLength ?? 20_000,
  });
}
