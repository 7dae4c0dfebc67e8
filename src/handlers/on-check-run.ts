import type { Context } from "probot";
import { rerunActionId } from "../github/checks.js";
import type { ReviewJob } from "../queue/review-job.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * `check_run` rerequested (GitHub's own "Re-run") and requested_action ("Re-run review" button) on this
 * app's check run. Only people with write access see either, so GitHub has gated them already. For
 * commits pushed to forks `pull_requests` is empty: the pull request is read from the check run's
 * external id, which the app sets to `<pull number>/<job key>`.
 */
export async function onCheckRun(
  context: Context<"check_run.rerequested" | "check_run.requested_action">,
  deps: HandlerDeps,
): Promise<void> {
  const { payload } = context;
  const checkRun = payload.check_run;
  const log = deps.log.child({ deliveryId: context.id, repo: payload.repository?.full_name });
  if (!checkRun || !payload.repository || !payload.installation?.id) {
    log.warn("Dropped a check_run delivery without check run, repository or installation");
    return;
  }
  if (payload.action === "requested_action" && payload.requested_action?.identifier !== rerunActionId) return;
  const pullNumber = checkRun.pull_requests?.[0]?.number ?? Number(checkRun.external_id?.split("/")[0]);
  if (!Number.isInteger(pullNumber) || pullNumber <= 0) {
    log.warn({ checkRunId: checkRun.id }, "Re-run ignored: no pull request for this check run");
    return;
  }
  const job: ReviewJob = {
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pullNumber,
    headSha: checkRun.head_sha,
    trigger: "rerun",
    deliveryId: context.id,
    key: `rerun:${context.id}`,
    scope: "full",
    focus: [],
    requestedBy: payload.sender?.login,
    ...(payload.action === "requested_action" ? { checkRunId: checkRun.id } : {}),
  };
  const result = await deps.queue.enqueue(job);
  log.info({ jobId: result.jobId, status: result.status, pr: pullNumber }, "Re-run enqueued");
}
