import type { Logger } from "pino";
import type { ImpactExtraction } from "../analysis/analyse-files.js";
import { createInlineAnalyzer, type FileAnalyzer } from "../analysis/file-analyzer.js";
import { isPathIncluded, type RepoConfig } from "../config/repo-config.js";
import { type ApiAddition, createEmptyImpact } from "../impact/architecture-impact.js";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import { renderImpactSection } from "../impact/render-impact-section.js";

/** The changed files the architecture impact reads (those the configuration includes); null when it is off. */
export function selectImpactFiles(config: RepoConfig, files: readonly ImpactFile[]): ImpactFile[] | null {
  if (!config.architecture_impact.enabled) return null;
  return files
    .filter((file) => isPathIncluded(config, file.filename))
    .map((file) => ({ filename: file.filename, ...(file.patch === undefined ? {} : { patch: file.patch }) }));
}

/**
 * Starts reading the architecture impact of the pull request's changed files (those the configuration
 * does not exclude) on `analyzer` — in the worker pool that runs beside the rest of the review; null when
 * the section is off. Never rejects: a failure leaves the impact empty and is logged.
 */
export function startImpactExtraction(params: {
  config: RepoConfig;
  files: readonly ImpactFile[];
  analyzer: FileAnalyzer;
  log: Logger;
}): Promise<ImpactExtraction> | null {
  const files = selectImpactFiles(params.config, params.files);
  if (!files) return null;
  return params.analyzer.extractImpact(files).catch((error: unknown) => {
    params.log.warn({ err: error }, "Could not read the architecture impact");
    return { impact: createEmptyImpact(), errors: [] };
  });
}

/**
 * Step 10b: the "Architecture impact" section for the review body and the check run, read from every
 * changed file of the pull request the configuration does not exclude (manifests and migrations too, which
 * are not reviewed as server code), with the model's sentences on it. Null when the section is off or the
 * change touches nothing it reports. `extraction` is the reading started earlier (`startImpactExtraction`);
 * without it the files are read here, on this thread.
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
  extraction?: Promise<ImpactExtraction> | null;
}): Promise<string | null> {
  const extraction =
    params.extraction ?? startImpactExtraction({ ...params, analyzer: createInlineAnalyzer() });
  if (!extraction) return null;
  const { impact, errors } = await extraction;
  for (const error of errors) {
    params.log.warn(
      { err: error.message, path: error.path },
      "Could not read a file for the architecture impact",
    );
  }
  impact.apiAdditions.push(...(params.apiAdditions ?? []));
  return renderImpactSection(impact, {
    summary: params.summaries[0],
    diagram: params.config.architecture_impact.diagram,
    maxLength: params.maxLength ?? 20_000,
  });
}
