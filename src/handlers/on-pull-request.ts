import type { Context } from "probot";
import { loadRepoConfig } from "../config/load-repo-config.js";
import type { ReviewJob } from "../queue/review-job.js";
import type { HandlerDeps } from "./handler-deps.js";

export const pullRequestActions = ["opened", "reopened", "synchronize", "ready_for_review"] as const;

type PullRequestContext = Context<
  | "pull_request.opened"
  | "pull_request.reopened"
  | "pull_request.synchronize"
  | "pull_request.ready_for_review"
>;

/**
 * `pull_request` opened / reopened / synchronize / ready_for_review: guard clauses, then enqueue an
 * automatic review of the head. Drafts are enqueued only if the repository opts in
 * (`auto_review.drafts` in .github/architect.yml); the worker applies the rest of the configuration.
 */
export async function onPullRequest(context: PullRequestContext, deps: HandlerDeps): Promise<void> {
  const { payload } = context;
  const pull = payload.pull_request;
  const log = deps.log.child({
    deliveryId: context.id,
    repo: payload.repository?.full_name,
    pr: pull?.number,
  });
  if (!pull?.head?.sha || !payload.repository || !payload.installation?.id) {
    log.warn("Dropped a pull_request delivery without pull request, repository or installation");
    return;
  }
  if (pull.state !== "open") return log.debug("Skipped: pull request is closed");
  if (pull.user?.type === "Bot") return log.debug(`Skipped: opened by the bot ${pull.user.login}`);
  if (pull.draft && payload.action !== "ready_for_review") {
    // Drafts are reviewed only when the repository opts in: one configuration read, for drafts only.
    const config = await loadRepoConfig(context);
    if (!config.ok || !config.config.auto_review.drafts) return log.debug("Skipped: draft");
  }

  const job: ReviewJob = {
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pullNumber: pull.number,
    headSha: pull.head.sha,
    trigger: "push",
    deliveryId: context.id,
    key: `auto:${pull.head.sha}`,
    scope: "auto",
    focus: [],
    ...(payload.action === "synchronize" ? { previousSha: payload.before } : {}),
  };
  const result = await deps.queue.enqueue(job);
  log.info({ jobId: result.jobId, status: result.status, sha: job.headSha }, "Review enqueued");
}
