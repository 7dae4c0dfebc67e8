import { createCheckRun, listCheckRunsForRef, updateCheckRunProgress } from "../github/checks.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ReviewJob } from "../queue/review-job.js";

const startingTitle = "Reviewing the server-side changes";

/**
 * Step 1: the check run this review reports to. A job that ran before (a retry, or a worker that died
 * mid-review) takes over the check run it created — found by its `external_id`, the job's key — so no
 * check run is left `in_progress` for ever.
 */
export async function startCheckRun(
  octokit: GitHubClient,
  params: { owner: string; repo: string; job: ReviewJob; appId?: number | undefined },
): Promise<number> {
  const { job } = params;
  const summary = `Backend Architect is reviewing ${job.headSha.slice(0, 7)} (${job.trigger === "push" ? "new commits" : "requested"}).`;
  const existingId =
    job.checkRunId ??
    (
      await listCheckRunsForRef(octokit, {
        owner: params.owner,
        repo: params.repo,
        ref: job.headSha,
        appId: params.appId,
      })
    ).find((run) => run.externalId === toExternalId(job))?.id;
  if (existingId !== undefined) {
    await updateCheckRunProgress(octokit, {
      ...params,
      checkRunId: existingId,
      title: startingTitle,
      summary,
    });
    return existingId;
  }
  return createCheckRun(octokit, {
    ...params,
    headSha: job.headSha,
    externalId: toExternalId(job),
    title: startingTitle,
    summary,
  });
}

/** `<pull number>/<job key>`: links a check run to its pull request even for forks (`pull_requests` is empty there). */
export function toExternalId(job: Pick<ReviewJob, "pullNumber" | "key">): string {
  return `${job.pullNumber}/${job.key}`;
}
