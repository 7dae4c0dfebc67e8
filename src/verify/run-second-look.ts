import type { Hunk } from "../diff/parse-patch.js";
import { type Finding, getSeverityRank, type Severity } from "../findings/finding.js";
import { estimateCostUsd } from "../model/prices.js";
import type { ModelUsage, ReviewModel } from "../model/review-model.js";
import type { Verdict } from "../model/verdicts-output-schema.js";
import { buildCodeExcerpt } from "./build-code-excerpt.js";
import { buildVerifyPrompt, type VerifyItem } from "./build-verify-prompt.js";
import { selectForSecondLook } from "./select-for-second-look.js";

/** Repository context for one place of the head commit (issue 10's stage); optional. */
export type GetContextForLocation = (path: string, line: number) => Promise<string | undefined>;

export interface SecondLookParams<T extends Finding> {
  model: ReviewModel;
  modelId: string;
  repository: string;
  /** Findings that may be posted (fresh), in the order the review reports them. */
  findings: readonly T[];
  /** The hunks the model saw, by path (already redacted of secrets). */
  hunksByPath: ReadonlyMap<string, readonly Hunk[]>;
  confidenceBelow: number;
  /** Findings per verifier call. */
  batchSize?: number;
  getContextForLocation?: GetContextForLocation | undefined;
  signal?: AbortSignal | undefined;
  /** Logs a failed context lookup; the finding is checked without it. */
  onContextError?(error: unknown): void;
}

export interface WithdrawnFinding<T extends Finding> {
  finding: T;
  reason: string;
}

export interface LoweredFinding<T extends Finding> {
  /** The finding as it is now posted (lowered severity). */
  finding: T;
  from: Severity;
  reason: string;
}

/** What the second look did; `apply` maps any list of the same findings to what is posted. */
export interface SecondLook<T extends Finding> {
  /** `not-needed`: no finding qualified, so no call was made. */
  status: "ran" | "not-needed";
  modelId: string;
  /** Findings sent to the verifier. */
  checked: number;
  calls: number;
  failedCalls: number;
  usage: ModelUsage;
  costUsd: number;
  /** One line per failed call, in domain words. */
  errors: string[];
  /** Findings kept unverified because their batch's call failed or its answer was malformed. */
  keptUnverified: number;
  withdrawn: WithdrawnFinding<T>[];
  lowered: LoweredFinding<T>[];
  /** Verdicts that tried to raise a severity (ignored; the finding is kept as it was). */
  ignoredRaises: number;
  /** Verdicts naming no finding of their batch (ignored). */
  unknownIds: number;
  /** The findings of `list` minus the withdrawn ones, lowered where the verifier lowered them. */
  apply(list: readonly T[]): T[];
}

const defaultBatchSize = 15;

/**
 * Step 9b: a second look at the serious findings the model was not sure of. One forced `submit_verdicts`
 * call per batch of findings (ids F1, F2, … in order, per batch); each verdict keeps a finding, withdraws
 * it or lowers its severity. A finding without a verdict is kept; a verdict that raises a severity is
 * ignored; a batch whose call fails or whose answer is malformed keeps all its findings — the second look
 * can only take findings away or soften them, never lose one by failing.
 */
export async function runSecondLook<T extends Finding>(params: SecondLookParams<T>): Promise<SecondLook<T>> {
  const selected = selectForSecondLook(params.findings, { confidenceBelow: params.confidenceBelow });
  const replaced = new Map<T, T | null>();
  const result: SecondLook<T> = {
    status: selected.length === 0 ? "not-needed" : "ran",
    modelId: params.modelId,
    checked: selected.length,
    calls: 0,
    failedCalls: 0,
    usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    costUsd: 0,
    errors: [],
    keptUnverified: 0,
    withdrawn: [],
    lowered: [],
    ignoredRaises: 0,
    unknownIds: 0,
    apply: (list) =>
      list.flatMap((f) => {
        const next = replaced.get(f);
        if (next === null) return [];
        return [next ?? f];
      }),
  };
  if (selected.length === 0 || !params.model.verify) return result;
  const verify = params.model.verify.bind(params.model);

  const size = Math.max(1, params.batchSize ?? defaultBatchSize);
  const batches: T[][] = [];
  for (let i = 0; i < selected.length; i += size) batches.push(selected.slice(i, i + size));

  const answers = await Promise.allSettled(
    batches.map(async (batch) => {
      const items = await Promise.all(batch.map((finding, index) => toVerifyItem(finding, index, params)));
      const prompt = buildVerifyPrompt({ repository: params.repository, items });
      return verify(prompt, { model: params.modelId, ...(params.signal ? { signal: params.signal } : {}) });
    }),
  );

  answers.forEach((answer, batchIndex) => {
    const batch = batches[batchIndex] ?? [];
    result.calls += 1;
    if (answer.status === "rejected") {
      result.failedCalls += 1;
      result.keptUnverified += batch.length;
      const error = answer.reason instanceof Error ? answer.reason : new Error(String(answer.reason));
      const usage = (error as Error & { usage?: ModelUsage }).usage;
      if (usage) addUsage(result.usage, usage);
      result.errors.push(error.message);
      return;
    }
    addUsage(result.usage, answer.value.usage);
    applyVerdicts(batch, answer.value.verdicts, result, replaced);
  });
  result.costUsd = estimateCostUsd(params.modelId, result.usage);
  return result;
}

async function toVerifyItem<T extends Finding>(
  finding: T,
  index: number,
  params: SecondLookParams<T>,
): Promise<VerifyItem> {
  const hunks = params.hunksByPath.get(finding.path) ?? [];
  let context: string | undefined;
  if (params.getContextForLocation) {
    try {
      context = await params.getContextForLocation(finding.path, finding.line);
    } catch (error) {
      params.onContextError?.(error);
    }
  }
  return {
    id: `F${index + 1}`,
    finding,
    code: buildCodeExcerpt(hunks, finding.line, finding.endLine ?? finding.line),
    context,
  };
}

function applyVerdicts<T extends Finding>(
  batch: readonly T[],
  verdicts: readonly Verdict[],
  result: SecondLook<T>,
  replaced: Map<T, T | null>,
): void {
  const seen = new Set<string>();
  for (const verdict of verdicts) {
    const finding = batch[Number(verdict.id.slice(1)) - 1];
    // An unknown id, or a second verdict for the same id: the first one counts.
    if (!finding || seen.has(verdict.id)) {
      if (!finding) result.unknownIds += 1;
      continue;
    }
    seen.add(verdict.id);
    const reason = verdict.reason.trim().slice(0, 300);
    if (verdict.verdict === "withdraw") {
      replaced.set(finding, null);
      result.withdrawn.push({ finding, reason });
      continue;
    }
    if (!verdict.severity || verdict.severity === finding.severity) continue;
    if (getSeverityRank(verdict.severity) < getSeverityRank(finding.severity)) {
      result.ignoredRaises += 1;
      continue;
    }
    const lowered = { ...finding, severity: verdict.severity };
    replaced.set(finding, lowered);
    result.lowered.push({ finding: lowered, from: finding.severity, reason });
  }
}

function addUsage(total: ModelUsage, usage: ModelUsage): void {
  total.input += usage.input;
  total.output += usage.output;
  total.cacheRead += usage.cacheRead;
  total.cacheWrite += usage.cacheWrite;
}
