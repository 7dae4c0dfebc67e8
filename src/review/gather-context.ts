import type { Logger } from "pino";
import type { FileAnalyzer } from "../analysis/file-analyzer.js";
import { orderByRisk } from "../budget/rank-risk.js";
import { isContextExcluded, type RepoConfig } from "../config/repo-config.js";
import {
  assembleContext,
  getContextForLocation,
  type RepositoryContext,
} from "../context/assemble-context.js";
import type { BlobCache } from "../context/blob-cache.js";
import { type ContextKind, type ContextPiece, contextKinds } from "../context/context-piece.js";
import { createExplorationTools } from "../context/exploration-tools.js";
import { redactContextPieces } from "../context/redact-context-secrets.js";
import { loadRepoSnapshot, type RepoSnapshot } from "../context/repo-snapshot.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ExplorationStats, ExplorationTools } from "../model/exploration.js";

/** The app's context settings (environment), passed in with the blob cache. */
export interface ContextSettings {
  enabled: boolean;
  /** Tokens of context per review, unless the repository sets `context.budget_tokens`. */
  tokenBudget: number;
  /** GitHub requests per review beyond the one tree listing. */
  maxGitHubRequests: number;
  agentic: boolean;
  agentMaxTurns: number;
  agentMaxTokens: number;
  /** Largest share of one prompt that context may take. Default 0.4. */
  maxShare?: number;
  /** Files larger than this are not read. Default 256 KiB. */
  maxFileBytes?: number;
}

export interface ContextDeps {
  cache: BlobCache;
  settings: ContextSettings;
}

/** Why context could not be had (a metric label): the tree listing, the assembly or the secret scan failed. */
export type ContextFailure = "tree" | "assembly" | "secret_scan";

/** What the review's "Context" line says. */
export type ContextReport =
  | { status: "off"; reason: string; failure?: ContextFailure }
  | {
      status: "ran";
      filesRead: number;
      /** Excerpts sent to the model, by kind: count and estimated tokens. */
      sent: Record<ContextKind, { count: number; tokens: number }>;
      /** Estimated tokens of context over all prompts (a piece shown in two prompts counts twice). */
      promptTokens: number;
      leftOut: { count: number; tokens: number; paths: string[] };
      notes: string[];
      githubRequests: number;
      /** Blob reads answered by the cache (hits) and fetched from GitHub (misses). */
      cachedReads: number;
      blobRequests: number;
      /** File reads refused because the request budget was spent, and reads that failed. */
      readsRefused: number;
      readErrors: number;
      /** Secrets the scanner redacted from the excerpts sent and the tool results. */
      secretsRedacted: number;
      exploration?: ExplorationStats;
    };

export interface GatheredContext {
  context: RepositoryContext | null;
  snapshot: RepoSnapshot | null;
  exploration: ExplorationTools | null;
  maxShare: number;
  /** Why there is no context (off, or failed): the report says it. */
  offReason?: string;
  failure?: ContextFailure;
}

/**
 * Step 7b: the repository context for the files the model will see — one tree listing, blobs from the
 * cache or GitHub within the request budget, ranked excerpts within the token budget. Never throws: on
 * any failure the review goes on without context and the check run says why.
 */
export async function gatherContext(params: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  headSha: string;
  files: { path: string; hunks: Hunk[] }[];
  config: RepoConfig;
  deps: ContextDeps | undefined;
  log: Logger;
  /** Where the repository files are parsed for their declarations (the analysis pool); here when absent. */
  analyzer?: FileAnalyzer;
}): Promise<GatheredContext> {
  const { deps, config } = params;
  const maxShare = deps?.settings.maxShare ?? 0.4;
  const off = (reason: string, failure?: ContextFailure): GatheredContext => ({
    context: null,
    snapshot: null,
    exploration: null,
    maxShare,
    offReason: reason,
    ...(failure ? { failure } : {}),
  });
  if (!deps?.settings.enabled) return off("repository context is off for this app (CONTEXT_ENABLED)");
  if (!config.context.enabled)
    return off("repository context is off for this repository (context.enabled is false)");
  const budget = config.context.budget_tokens ?? deps.settings.tokenBudget;
  const agentic = config.context.agentic ?? deps.settings.agentic;
  if (budget === 0 && !agentic) return off("the context budget is 0 tokens");
  const isExcluded = (path: string) => isContextExcluded(config, path);
  let snapshot: RepoSnapshot;
  try {
    snapshot = await loadRepoSnapshot({
      octokit: params.octokit,
      owner: params.owner,
      repo: params.repo,
      headSha: params.headSha,
      cache: deps.cache,
      maxRequests: deps.settings.maxGitHubRequests,
      maxFileBytes: deps.settings.maxFileBytes ?? 256 * 1024,
      neededPaths: params.files.map((f) => f.path),
    });
  } catch (error) {
    params.log.warn({ err: error }, "Could not list the repository tree; reviewing without context");
    return off(
      `the repository tree could not be read (${error instanceof Error ? error.message : String(error)})`,
      "tree",
    );
  }
  let context: RepositoryContext | null = null;
  try {
    context = await assembleContext({
      snapshot,
      files: orderByRisk(params.files),
      budgetTokens: budget,
      isExcluded,
      ...(params.analyzer
        ? { parseDeclarations: (files) => (params.analyzer as FileAnalyzer).findDeclarations(files) }
        : {}),
    });
  } catch (error) {
    params.log.warn({ err: error }, "Context assembly failed; reviewing without it");
    return {
      ...off(
        `context assembly failed (${error instanceof Error ? error.message : String(error)})`,
        "assembly",
      ),
      snapshot,
    };
  }
  try {
    // The diff's secret scanner over every excerpt before any of it can reach a prompt.
    // The redacted pieces replace the assembled ones everywhere, the second look's lookup included.
    const { pieces } = await redactContextPieces(context.pieces);
    context = {
      ...context,
      pieces,
      getContextForLocation: (path, line) => getContextForLocation(pieces, path, line),
    };
  } catch (error) {
    params.log.warn({ err: error }, "The secret scan of the context failed; reviewing without context");
    return { ...off("the secret scan of the context failed", "secret_scan"), snapshot };
  }
  const exploration = agentic
    ? createExplorationTools({
        snapshot,
        bounds: { maxTurns: deps.settings.agentMaxTurns, maxTokens: deps.settings.agentMaxTokens },
        isExcluded,
      })
    : null;
  return { context, snapshot, exploration, maxShare };
}

/** The check run's account of the context, once the model calls are done. */
export function buildContextReport(
  gathered: GatheredContext,
  sent: { tokens: number; sent: ContextPiece[]; leftOut: ContextPiece[] } | undefined,
  exploration: ExplorationStats | undefined,
): ContextReport {
  if (!gathered.context || !gathered.snapshot)
    return {
      status: "off",
      reason: gathered.offReason ?? "no context",
      ...(gathered.failure ? { failure: gathered.failure } : {}),
    };
  const byKind = Object.fromEntries(contextKinds.map((k) => [k, { count: 0, tokens: 0 }])) as Record<
    ContextKind,
    { count: number; tokens: number }
  >;
  for (const piece of sent?.sent ?? []) {
    byKind[piece.kind].count += 1;
    byKind[piece.kind].tokens += piece.tokens;
  }
  const leftOut = [
    ...gathered.context.leftOut,
    ...(sent?.leftOut ?? []).map((p) => ({ kind: p.kind, path: p.path, why: p.why, tokens: p.tokens })),
  ];
  const { stats } = gathered.snapshot;
  return {
    status: "ran",
    filesRead: new Set(gathered.snapshot.readPaths()).size,
    sent: byKind,
    promptTokens: sent?.tokens ?? 0,
    leftOut: {
      count: leftOut.length,
      tokens: leftOut.reduce((n, p) => n + p.tokens, 0),
      paths: [...new Set(leftOut.map((p) => p.path || "(map)"))],
    },
    notes: gathered.context.notes,
    githubRequests: stats.treeRequests + stats.blobRequests,
    cachedReads: stats.cachedReads,
    blobRequests: stats.blobRequests,
    readsRefused: stats.refusedForBudget,
    readErrors: gathered.snapshot.errors.length,
    secretsRedacted:
      [...new Set(sent?.sent ?? [])].reduce((sum, piece) => sum + (piece.secretsRedacted ?? 0), 0) +
      (exploration?.secretsRedacted ?? 0),
    ...(exploration ? { exploration } : {}),
  };
}

/** The context arguments of `askModel` for what was gathered (none when there is no context). */
export function toModelContextParams(gathered: GatheredContext | null): {
  context?: { pieces: readonly ContextPiece[]; maxShare: number };
  exploration?: ExplorationTools;
} {
  if (!gathered?.context) return {};
  return {
    context: { pieces: gathered.context.pieces, maxShare: gathered.maxShare },
    ...(gathered.exploration ? { exploration: gathered.exploration } : {}),
  };
}
