import type { GitHubClient } from "./github-client.js";
import { githubLimits, truncateToBytes } from "./limits.js";

export const checkName = "Backend Architect";

/** The check run's own "Re-run review" button (fires `check_run.requested_action`). */
export const rerunActionId = "rerun-review";
export const rerunAction: CheckAction = {
  label: "Re-run review",
  description: "Review this pull request again",
  identifier: rerunActionId,
};

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

export type CheckConclusion = "success" | "failure" | "neutral" | "skipped" | "action_required" | "cancelled";

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

interface RepoRef {
  owner: string;
  repo: string;
}

export async function createCheckRun(
  octokit: GitHubClient,
  params: RepoRef & { headSha: string; externalId: string; title: string; summary: string },
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: params.owner,
    repo: params.repo,
    name: checkName,
    head_sha: params.headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    external_id: params.externalId,
    output: { title: params.title, summary: params.summary },
  });
  return data.id;
}

export async function updateCheckRunProgress(
  octokit: GitHubClient,
  params: RepoRef & { checkRunId: number; title: string; summary: string },
): Promise<void> {
  await octokit.rest.checks.update({
    owner: params.owner,
    repo: params.repo,
    check_run_id: params.checkRunId,
    status: "in_progress",
    output: { title: params.title, summary: params.summary },
  });
}

/** A hidden marker at the end of a summary survives the cut: the summary is cut before it. */
const trailingMarkerPattern = /\n*<!-- backend-architect:[^<>]*-->\s*$/;

function fitOutput(output: CheckOutput): CheckOutput {
  const marker = trailingMarkerPattern.exec(output.summary)?.[0] ?? "";
  const summary = output.summary.slice(0, output.summary.length - marker.length);
  return {
    title: output.title.slice(0, githubLimits.checkTitleChars),
    summary:
      truncateToBytes(summary, githubLimits.maxCheckOutputBytes - 64 - Buffer.byteLength(marker)) + marker,
    ...(output.text ? { text: truncateToBytes(output.text, githubLimits.maxCheckOutputBytes - 64) } : {}),
  };
}

/**
 * Completes a check run. GitHub takes at most 50 annotations per request and appends those of later
 * updates, so the first batch goes with the completion and the rest follow, 50 at a time.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  params: RepoRef & {
    checkRunId: number;
    conclusion: CheckConclusion;
    output: CheckOutput;
    annotations?: CheckAnnotation[];
    actions?: CheckAction[];
  },
): Promise<void> {
  const output = fitOutput(params.output);
  const annotations = params.annotations ?? [];
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += githubLimits.annotationsPerRequest) {
    batches.push(annotations.slice(i, i + githubLimits.annotationsPerRequest));
  }
  const [first, ...rest] = batches;
  await octokit.rest.checks.update({
    owner: params.owner,
    repo: params.repo,
    check_run_id: params.checkRunId,
    status: "completed",
    conclusion: params.conclusion,
    completed_at: new Date().toISOString(),
    output: { ...output, ...(first ? { annotations: first } : {}) },
    ...(params.actions?.length ? { actions: params.actions } : {}),
  });
  for (const batch of rest) {
    await octokit.rest.checks.update({
      owner: params.owner,
      repo: params.repo,
      check_run_id: params.checkRunId,
      output: { title: output.title, summary: output.summary, annotations: batch },
    });
  }
}

export interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  summary: string;
  text: string;
}

/** This app's check runs on a commit (GitHub scopes the list to the calling app's own when filtered by app). */
export async function listCheckRunsForRef(
  octokit: GitHubClient,
  params: RepoRef & { ref: string; appId?: number | undefined },
): Promise<ExistingCheckRun[]> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: params.owner,
    repo: params.repo,
    ref: params.ref,
    check_name: checkName,
    filter: "all",
    per_page: 100,
    // Another app can name a check run "Backend Architect" too: only ours count.
    ...(params.appId ? { app_id: params.appId } : {}),
  });
  return data.check_runs.map((run) => ({
    id: run.id,
    status: run.status,
    conclusion: run.conclusion,
    externalId: run.external_id,
    summary: run.output?.summary ?? "",
    text: run.output?.text ?? "",
  }));
}
