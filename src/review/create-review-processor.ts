import type { Logger } from "pino";
import { runCommandIntake } from "../commands/run-command-intake.js";
import { createCommentReaction, createIssueComment } from "../github/comments.js";
import { createReviewCommentReaction, createThreadReply } from "../github/feedback.js";
import type { GitHubClient } from "../github/github-client.js";
import { classifyError } from "../queue/classify-error.js";
import type { ReviewProcessor } from "../queue/job-queue.js";
import { describeError } from "./describe-error.js";
import { type ReviewDeps, type ReviewOutcome, runReview } from "./run-review.js";
import { buildThreadReplyFailure, runThreadReply } from "./run-thread-reply.js";

export interface ReviewProcessorDeps extends Omit<ReviewDeps, "octokit" | "log"> {
  /** Authenticates as the installation anew for every job (jobs carry no token). */
  getOctokit(installationId: number): Promise<GitHubClient>;
  log: Logger;
  onOutcome?(outcome: ReviewOutcome): void;
  /** This app's bot login and id, to trust only its own markers (see `ReviewDeps.identity`). */
  getIdentity?(job: { owner: string; repo: string }): Promise<ReviewDeps["identity"]>;
  /** The per-pull-request command cooldown (`UsageLimits.tryStartCooldown`); absent: no cooldown. */
  tryStartCooldown?(pullKey: string, seconds: number): Promise<{ ok: true } | { ok: false; retryAt: Date }>;
}

/**
 * The queue's processor: authenticates, runs the review with a logger bound to the delivery, job,
 * repository and pull request, and closes the loop on a command (🚀 when done, 😕 and a reply when not).
 */
export function createReviewProcessor(deps: ReviewProcessorDeps): ReviewProcessor {
  return async (queued, ctx) => {
    let job = queued;
    const log = deps.log.child({
      deliveryId: job.deliveryId,
      jobId: ctx.jobId,
      repo: `${job.owner}/${job.repo}`,
      pr: job.pullNumber,
      sha: job.headSha.slice(0, 7),
      attempt: ctx.attempt,
    });
    const octokit = await deps.getOctokit(job.installationId);
    const identity = (await deps.getIdentity?.(job)) ?? deps.identity;
    const started = Date.now();
    if (job.threadReply) {
      await answerInThread(
        { ...job, threadReply: job.threadReply },
        { ...deps, octokit, log, signal: ctx.signal },
        ctx.attempt,
      );
      return;
    }
    if (queued.command) {
      const command = queued.command;
      try {
        const resolved = await runCommandIntake(
          { ...queued, command },
          { ...deps, octokit, log },
          ctx.attempt,
        );
        if (!resolved) return;
        job = resolved;
      } catch (error) {
        const willRetry =
          classifyError(error).kind === "retryable" && ctx.attempt < deps.settings.maxAttempts;
        if (!willRetry && queued.commentId !== undefined) {
          await createCommentReaction(octokit, {
            owner: queued.owner,
            repo: queued.repo,
            commentId: queued.commentId,
            content: "confused",
          }).catch((reactionError: unknown) =>
            log.warn({ err: reactionError }, "Could not react to the command"),
          );
        }
        throw error;
      }
    }
    try {
      const outcome = await runReview(
        { job, attempt: ctx.attempt, signal: ctx.signal, isSuperseded: () => ctx.isSuperseded() },
        { ...deps, octokit, log, ...(identity ? { identity } : {}) },
      );
      log.info({ outcome, ms: Date.now() - started }, "Review finished");
      deps.onOutcome?.(outcome);
      if (job.commentId !== undefined) {
        await createCommentReaction(octokit, {
          owner: job.owner,
          repo: job.repo,
          commentId: job.commentId,
          content: "rocket",
        }).catch((error: unknown) => log.warn({ err: error }, "Could not react to the command"));
      }
    } catch (error) {
      const willRetry = classifyError(error).kind === "retryable" && ctx.attempt < deps.settings.maxAttempts;
      if (!willRetry && job.commentId !== undefined) {
        await Promise.allSettled([
          createCommentReaction(octokit, {
            owner: job.owner,
            repo: job.repo,
            commentId: job.commentId,
            content: "confused",
          }),
          createIssueComment(octokit, {
            owner: job.owner,
            repo: job.repo,
            issueNumber: job.pullNumber,
            body: `The review you asked for could not finish: ${describeError(error)}`,
          }),
        ]);
      }
      throw error;
    }
  };
}

/** A thread reply job: answer, or (no retry left) say why not in the thread and react 😕. */
async function answerInThread(
  job: Parameters<typeof runThreadReply>[0],
  deps: Parameters<typeof runThreadReply>[1],
  attempt: number,
): Promise<void> {
  try {
    const outcome = await runThreadReply(job, deps);
    deps.log.info({ outcome }, "Thread reply finished");
  } catch (error) {
    if (classifyError(error).kind === "retryable" && attempt < deps.settings.maxAttempts) throw error;
    const repo = { owner: job.owner, repo: job.repo };
    await Promise.allSettled([
      createThreadReply(deps.octokit, {
        ...repo,
        pullNumber: job.pullNumber,
        rootCommentId: job.threadReply.rootCommentId,
        body: buildThreadReplyFailure(error),
      }),
      createReviewCommentReaction(deps.octokit, {
        ...repo,
        commentId: job.threadReply.commentId,
        content: "confused",
      }),
    ]);
    throw error;
  }
}
