import { type MarkerAuth, parseReviewMarker } from "../findings/markers.js";
import { createCheckRun, listCheckRunsForRef, updateCheckRunProgress } from "../github/checks.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ReviewJob } from "../queue/review-job.js";

const startingTitle = "Reviewing the server-side changes";

/**
 * Step 1: the check run this review reports to. A job that ran before (a retry, or a worker that died
 * mid-review) takes over the check run it created — found by its `external_id`, the job's key — so no
 * check run is left `in_progress` for ever. A check run that already completed this very review (its
 * summary carries the review marker of this head and key: a redelivery after a restart, another
 * server's duplicate) is left alone, and `alreadyReviewed` says so.
 */
export async function startCheckRun(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    job: ReviewJob;
    appId?: number | undefined;
    markerAuth: MarkerAuth;
  },
): Promise<{ id: number; alreadyReviewed: boolean }> {
  const { job } = params;
  const summary = `Backend Architect is reviewing ${job.headSha.slice(0, 7)} (${job.trigger === "push" ? "new commits" : "requested"}).`;
  let existingId = job.checkRunId;
  if (existingId === undefined) {
    const runs = await listCheckRunsForRef(octokit, {
      owner: params.owner,
      repo: params.repo,
      ref: job.headSha,
      appId: params.appId,
    });
    const existing = runs.find((run) => run.externalId === toExternalId(job));
    const marker =
      existing?.status === "completed" ? parseReviewMarker(existing.summary, params.markerAuth) : null;
    if (existing && marker?.key === job.key && marker.sha === job.headSha) {
      return { id: existing.id, alreadyReviewed: true };
    }
    existingId = existing?.id;
  }
  if (existingId !== undefined) {
    await updateCheckRunProgress(octokit, {
      ...params,
      checkRunId: existingId,
      title: startingTitle,
      summary,
    });
    return { id: existingId, alreadyReviewed: false };
  }
  const id = await createCheckRun(octokit, {
    ...params,
    headSha: job.headSha,
    externalId: toExternalId(job),
    title: startingTitle,
    summary,
  });
  return { id, alreadyReviewed: false };
}

/** `<pull number>/<job key>`: links a check run to its pull request even for forks (`pull_requests` is empty there). */
export function toExternalId(job: Pick<ReviewJob, "pullNumber" | "key">): string {
  return `${job.pullNumber}/${job.key}`;
}
