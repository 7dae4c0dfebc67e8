import { parseFindingMarkers } from "../findings/fingerprint.js";
import { createReviewCommentReaction, createThreadReply, getReviewComments } from "../github/feedback.js";
import { buildThreadPrompt } from "../model/build-thread-prompt.js";
import { estimateCostUsd } from "../model/prices.js";
import type { ReviewJob } from "../queue/review-job.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";
import { describeError } from "./describe-error.js";
import type { ReviewDeps } from "./run-review.js";

export type ThreadReplyOutcome = "answered" | "not-ours" | "no-model";

const maxAnswerChars = 20_000;

/**
 * Answers a person's `/architect …` reply in the thread of one of this app's line comments: reads the
 * reply and the comment again (the job carries ids only), asks the model with the finding, the diff hunk
 * GitHub shows above the commented line and the reply, and posts the neutralised answer in the same
 * thread. 🚀 on the reply when done. A thread that is not one of this app's findings gets nothing.
 */
export async function runThreadReply(
  job: ReviewJob & { threadReply: NonNullable<ReviewJob["threadReply"]> },
  deps: ReviewDeps & { signal?: AbortSignal },
): Promise<ThreadReplyOutcome> {
  const { octokit, log } = deps;
  const repo = { owner: job.owner, repo: job.repo };
  const { commentId, rootCommentId } = job.threadReply;
  const comments = await getReviewComments(octokit, {
    ...repo,
    pullNumber: job.pullNumber,
    ids: [commentId, rootCommentId],
  });
  const reply = comments.get(commentId);
  const root = comments.get(rootCommentId);
  const botLogin = deps.identity?.botLogin;
  const ours = root !== undefined && (botLogin ? root.authorLogin === botLogin : root.authorIsBot);
  if (!reply || !root || !ours || parseFindingMarkers(root.body).length === 0) {
    log.info({ rootCommentId }, "Reply gone, or in a thread that is not one of this app's findings; ignored");
    return "not-ours";
  }
  const post = (body: string) =>
    createThreadReply(octokit, { ...repo, pullNumber: job.pullNumber, rootCommentId: root.id, body });
  if (!deps.model?.answer) {
    await post(
      "Backend Architect cannot answer here: no ANTHROPIC_API_KEY is configured for this installation, so only the rule-based detectors run.",
    );
    return "no-model";
  }

  const modelId = deps.settings.defaultModel;
  let answer: Awaited<ReturnType<NonNullable<typeof deps.model.answer>>>;
  try {
    answer = await deps.model.answer(
      buildThreadPrompt({
        repository: `${job.owner}/${job.repo}`,
        path: root.path,
        line: root.line,
        finding: root.body,
        diffHunk: root.diffHunk,
        question: reply.body,
      }),
      { model: modelId, ...(deps.signal ? { signal: deps.signal } : {}) },
    );
  } catch (error) {
    deps.metrics?.onModelCalls?.(1, 1);
    throw error;
  }
  deps.metrics?.onModelCalls?.(1, 0);
  deps.metrics?.onModelUsage?.(answer.usage, estimateCostUsd(modelId, answer.usage));
  const tokens = answer.usage.input + answer.usage.output + answer.usage.cacheRead + answer.usage.cacheWrite;
  if (tokens > 0) await deps.onTokensUsed?.(job.installationId, tokens);

  const text = neutralizeModelText(answer.text, { ...repo, maxLength: maxAnswerChars });
  await post(`${text}\n\n<sub>Backend Architect · answer by the model, about the finding above</sub>`);
  await createReviewCommentReaction(octokit, { ...repo, commentId: reply.id, content: "rocket" }).catch(
    (error: unknown) => log.warn({ err: error }, "Could not react to the reply"),
  );
  return "answered";
}

/** What a person sees when answering failed for good (no retry left). */
export function buildThreadReplyFailure(error: unknown): string {
  return `Backend Architect could not answer: ${describeError(error)}`;
}
