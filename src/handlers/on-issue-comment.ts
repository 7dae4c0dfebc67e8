import type { Context } from "probot";
import { buildHelpText } from "../commands/build-help-text.js";
import { getTriggerPermission } from "../commands/check-permission.js";
import { parseCommand } from "../commands/parse-command.js";
import { loadRepoConfig } from "../config/load-repo-config.js";
import { defaultRepoConfig, formatConfigErrors } from "../config/repo-config.js";
import { createCommentReaction, createIssueComment } from "../github/comments.js";
import { type ReviewJob, toPullKey } from "../queue/review-job.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * `issue_comment` created on a pull request starting with `/architect`. The command word is read from
 * the comment as the webhook delivered it (later edits do not count). Only people with an allowed
 * permission may spend model budget; bots (this app included) are ignored.
 */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: HandlerDeps,
): Promise<void> {
  const { payload } = context;
  const { comment, issue, repository } = payload;
  const log = deps.log.child({ deliveryId: context.id, repo: repository?.full_name, pr: issue?.number });
  if (!comment || !issue || !repository || !payload.installation?.id) {
    log.warn("Dropped an issue_comment delivery without comment, issue, repository or installation");
    return;
  }
  if (!issue.pull_request) return;
  const author = comment.user?.login;
  if (!author || comment.user?.type === "Bot" || author.endsWith("[bot]")) return;
  const command = parseCommand(comment.body ?? "");
  if (!command) return;

  const owner = repository.owner.login;
  const repo = repository.name;
  const reply = (body: string) =>
    createIssueComment(context.octokit, { owner, repo, issueNumber: issue.number, body });
  const configResult = await loadRepoConfig(context);
  const config = configResult.ok ? configResult.config : defaultRepoConfig;

  const permission = await getTriggerPermission(
    context.octokit,
    { owner, repo, username: author },
    config.commands.allowed_permissions,
  );
  if (!permission.allowed) {
    log.info({ user: author, permission: permission.permission }, "Command refused: permission");
    await reply(
      `Sorry, only people with ${config.commands.allowed_permissions.join(", ")} permission on this repository can ask Backend Architect for a review (yours: ${permission.permission}). A maintainer can comment \`/architect\` instead.`,
    );
    return;
  }
  if (command.kind !== "review") {
    const help = buildHelpText(config, command.kind === "unknown" ? { unknownWord: command.word } : {});
    await reply(
      configResult.ok
        ? help
        : `${help}\n\n**.github/architect.yml is invalid**, defaults shown:\n${formatConfigErrors(configResult.errors)}`,
    );
    return;
  }

  const pullKey = toPullKey({ owner, repo, pullNumber: issue.number });
  const cooldown = await deps.usageLimits.tryStartCooldown(pullKey, config.commands.cooldown_seconds);
  if (!cooldown.ok) {
    await reply(
      `A review of this pull request was requested less than ${config.commands.cooldown_seconds} s ago. Try again after ${cooldown.retryAt.toISOString()}.`,
    );
    return;
  }
  const budget = await deps.usageLimits.checkBudget(
    payload.installation.id,
    config.limits.daily_token_budget,
  );
  if (!budget.ok) {
    await reply(
      `This installation has used its daily token budget (${budget.used.toLocaleString("en")} of ${config.limits.daily_token_budget.toLocaleString("en")} tokens). It resets at ${budget.resetsAt.toISOString()}.`,
    );
    return;
  }

  await createCommentReaction(context.octokit, { owner, repo, commentId: comment.id, content: "eyes" });
  const { data: pull } = await context.octokit.rest.pulls.get({ owner, repo, pull_number: issue.number });
  if (pull.state !== "open") {
    await reply("This pull request is closed; Backend Architect reviews open pull requests only.");
    return;
  }
  const job: ReviewJob = {
    installationId: payload.installation.id,
    owner,
    repo,
    pullNumber: issue.number,
    headSha: pull.head.sha,
    trigger: "comment",
    deliveryId: context.id,
    key: `cmd:${comment.id}`,
    scope: command.scope,
    focus: command.focus ?? [],
    commentId: comment.id,
    requestedBy: author,
  };
  const result = await deps.queue.enqueue(job);
  log.info({ jobId: result.jobId, status: result.status, sha: job.headSha }, "Review enqueued on command");
}
