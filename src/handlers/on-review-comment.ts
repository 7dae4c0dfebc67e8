import type { Context } from "probot";
import { getTriggerPermission } from "../commands/check-permission.js";
import { loadRepoConfig } from "../config/load-repo-config.js";
import { defaultRepoConfig } from "../config/repo-config.js";
import { parseFindingMarkers } from "../findings/fingerprint.js";
import { createReviewCommentReaction, createThreadReply, getReviewComments } from "../github/feedback.js";
import { type ReviewJob, toPullKey } from "../queue/review-job.js";
import type { HandlerDeps } from "./handler-deps.js";

const threadCommandPattern = /^\s*\/architect\b/i;
const dismissPattern = /^\s*\/architect\s+dismiss\b/i;

/**
 * `pull_request_review_comment` created: a person's reply starting with `/architect` in the thread of one
 * of the app's line comments. `/architect dismiss [reason]` is acknowledged with 👍 (later reviews read
 * it and do not repeat the finding); anything else (a question, `/architect explain`) is answered by the
 * model in the thread — with the permission, cooldown and budget rules of commands. The handler only
 * validates and enqueues; the answer is written by a worker.
 */
export async function onReviewComment(
  context: Context<"pull_request_review_comment.created">,
  deps: HandlerDeps,
): Promise<void> {
  const { comment, pull_request: pull, repository, installation } = context.payload;
  const log = deps.log.child({ deliveryId: context.id, repo: repository?.full_name, pr: pull?.number });
  if (!comment || !pull || !repository || !installation?.id) {
    log.warn("Dropped a pull_request_review_comment delivery without comment, pull request or installation");
    return;
  }
  const rootCommentId = comment.in_reply_to_id;
  if (rootCommentId === undefined || !threadCommandPattern.test(comment.body ?? "")) return;
  const author = comment.user?.login;
  if (!author || comment.user?.type === "Bot" || author.endsWith("[bot]")) return;

  const owner = repository.owner.login;
  const repo = repository.name;
  const root = (
    await getReviewComments(context.octokit, { owner, repo, pullNumber: pull.number, ids: [rootCommentId] })
  ).get(rootCommentId);
  if (!root?.authorIsBot || parseFindingMarkers(root.body).length === 0) {
    log.debug({ rootCommentId }, "A /architect reply in a thread that is not one of this app's findings");
    return;
  }
  const react = (content: "eyes" | "+1") =>
    createReviewCommentReaction(context.octokit, { owner, repo, commentId: comment.id, content });
  const reply = (body: string) =>
    createThreadReply(context.octokit, { owner, repo, pullNumber: pull.number, rootCommentId, body });

  if (dismissPattern.test(comment.body)) {
    await react("+1");
    return;
  }

  const configResult = await loadRepoConfig(context);
  const config = configResult.ok ? configResult.config : defaultRepoConfig;
  const permission = await getTriggerPermission(
    context.octokit,
    { owner, repo, username: author },
    config.commands.allowed_permissions,
  );
  if (!permission.allowed) {
    log.info({ user: author, permission: permission.permission }, "Thread question refused: permission");
    await reply(
      `Sorry, only people with ${config.commands.allowed_permissions.join(", ")} permission on this repository can ask Backend Architect (yours: ${permission.permission}).`,
    );
    return;
  }
  const cooldownKey = `${toPullKey({ owner, repo, pullNumber: pull.number })}#thread`;
  const cooldown = await deps.usageLimits.tryStartCooldown(cooldownKey, config.commands.cooldown_seconds);
  if (!cooldown.ok) {
    await reply(
      `A question was asked in this pull request less than ${config.commands.cooldown_seconds} s ago. Try again after ${cooldown.retryAt.toISOString()}.`,
    );
    return;
  }
  const budget = await deps.usageLimits.checkBudget(installation.id, config.limits.daily_token_budget);
  if (!budget.ok) {
    await reply(
      `This installation has used its daily token budget (${budget.used.toLocaleString("en")} of ${config.limits.daily_token_budget.toLocaleString("en")} tokens). It resets at ${budget.resetsAt.toISOString()}.`,
    );
    return;
  }

  await react("eyes");
  const job: ReviewJob = {
    installationId: installation.id,
    owner,
    repo,
    pullNumber: pull.number,
    headSha: pull.head.sha,
    trigger: "comment",
    deliveryId: context.id,
    key: `reply:${comment.id}`,
    scope: "auto",
    focus: [],
    requestedBy: author,
    threadReply: { commentId: comment.id, rootCommentId },
  };
  const result = await deps.queue.enqueue(job);
  log.info({ jobId: result.jobId, status: result.status }, "Thread reply enqueued");
}
