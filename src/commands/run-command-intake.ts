import type { Logger } from "pino";
import { loadRepoConfig } from "../config/load-repo-config.js";
import { defaultRepoConfig, formatConfigErrors } from "../config/repo-config.js";
import { createCommentReaction, createIssueComment } from "../github/comments.js";
import type { GitHubClient } from "../github/github-client.js";
import { createRepoConfigSource } from "../github/repo-config-source.js";
import type { BudgetCheck } from "../limits/usage-limits.js";
import { type ReviewJob, toPullKey } from "../queue/review-job.js";
import { buildHelpText } from "./build-help-text.js";
import { getTriggerPermission } from "./check-permission.js";

export interface CommandIntakeDeps {
  octokit: GitHubClient;
  log: Logger;
  tryStartCooldown?(pullKey: string, seconds: number): Promise<{ ok: true } | { ok: false; retryAt: Date }>;
  checkBudget?(installationId: number, budget: number): Promise<BudgetCheck>;
}

/**
 * The first step of a `/architect` command job, run by the worker (the webhook handler only parses the
 * comment and enqueues, so a burst of commands is answered without any GitHub request). Checks the
 * commenter's permission, answers `help` and unknown words, applies the cooldown and the daily budget —
 * each refusal is a polite reply — then reacts 👀 and resolves the pull request's head SHA.
 *
 * Returns the review job to run (with `headSha` set and `command` cleared), or `null` when the command
 * was answered without a review. The cooldown is taken on the first attempt only, so a retried job is
 * not refused by its own cooldown.
 */
export async function runCommandIntake(
  job: ReviewJob & { command: NonNullable<ReviewJob["command"]> },
  deps: CommandIntakeDeps,
  attempt: number,
): Promise<ReviewJob | null> {
  const { owner, repo, pullNumber } = job;
  const { octokit, log } = deps;
  const reply = (body: string) => createIssueComment(octokit, { owner, repo, issueNumber: pullNumber, body });
  const configResult = await loadRepoConfig(createRepoConfigSource(octokit, { owner, repo }));
  const config = configResult.ok ? configResult.config : defaultRepoConfig;
  const author = job.requestedBy ?? "";

  const permission = await getTriggerPermission(
    octokit,
    { owner, repo, username: author },
    config.commands.allowed_permissions,
  );
  if (!permission.allowed) {
    log.info({ user: author, permission: permission.permission }, "Command refused: permission");
    await reply(
      `Sorry, only people with ${config.commands.allowed_permissions.join(", ")} permission on this repository can ask Backend Architect for a review (yours: ${permission.permission}). A maintainer can comment \`/architect\` instead.`,
    );
    return null;
  }
  if (job.command.kind !== "review") {
    const help = buildHelpText(
      config,
      job.command.kind === "unknown" ? { unknownWord: job.command.word ?? "" } : {},
    );
    await reply(
      configResult.ok
        ? help
        : `${help}\n\n**.github/architect.yml is invalid**, defaults shown:\n${formatConfigErrors(configResult.errors)}`,
    );
    return null;
  }

  if (attempt === 1) {
    const cooldown = (await deps.tryStartCooldown?.(toPullKey(job), config.commands.cooldown_seconds)) ?? {
      ok: true,
    };
    if (!cooldown.ok) {
      await reply(
        `A review of this pull request was requested less than ${config.commands.cooldown_seconds} s ago. Try again after ${cooldown.retryAt.toISOString()}.`,
      );
      return null;
    }
  }
  const budget = (await deps.checkBudget?.(job.installationId, config.limits.daily_token_budget)) ?? {
    ok: true,
  };
  if (!budget.ok) {
    await reply(
      `This installation has used its daily token budget (${budget.used.toLocaleString("en")} of ${config.limits.daily_token_budget.toLocaleString("en")} tokens). It resets at ${budget.resetsAt.toISOString()}.`,
    );
    return null;
  }

  if (job.commentId !== undefined) {
    await createCommentReaction(octokit, { owner, repo, commentId: job.commentId, content: "eyes" });
  }
  const { data: pull } = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
  if (pull.state !== "open") {
    await reply("This pull request is closed; Backend Architect reviews open pull requests only.");
    return null;
  }
  const { command: _answered, ...review } = job;
  return { ...review, headSha: pull.head.sha };
}
