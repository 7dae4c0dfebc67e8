import type { Category } from "../findings/finding.js";

/** What started a review. */
export type ReviewTrigger = "push" | "comment" | "rerun";

/**
 * A unit of review work. Carries ids only, never a token: whoever runs it authenticates again as the
 * installation.
 */
export interface ReviewJob {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  trigger: ReviewTrigger;
  /** X-GitHub-Delivery of the webhook that asked for it (correlation id in logs). */
  deliveryId: string;
  /**
   * Identity of this review request, used for deduplication: the same key is never reviewed twice.
   * Automatic reviews use `auto:<headSha>`; commands `cmd:<commentId>`; re-runs `rerun:<deliveryId>`.
   */
  key: string;
  /** `full` ignores the last reviewed SHA and reviews the whole PR. */
  scope: "auto" | "full";
  /** Categories to focus on (from `/architect security` and the like); empty = all. */
  focus: Category[];
  /** The comment that asked for this review, to react to and reply on. */
  commentId?: number;
  /** An existing check run to reuse (re-run requests). */
  checkRunId?: number;
  /** Login of who asked (commands and re-runs). */
  requestedBy?: string;
  /** The head before this push (`synchronize`'s `before`): where an incremental re-review starts. */
  previousSha?: string;
  /**
   * Not a review: answer a reply (`/architect …`) in the thread of one of the app's line comments.
   * Ids only; the worker reads the texts again.
   */
  threadReply?: { commentId: number; rootCommentId: number };
  /**
   * A `/architect` command as the webhook handler enqueued it, not yet checked: the worker checks the
   * permission, cooldown and budget, answers help, and resolves the head SHA (`headSha` is `""` until
   * then). A job with an empty `headSha` neither supersedes other jobs of its pull request nor is
   * superseded by them.
   */
  command?: { kind: "review" | "help" | "unknown"; word?: string };
}

/** `owner/repo#n`: the coalescing key of a pull request. */
export function toPullKey(job: Pick<ReviewJob, "owner" | "repo" | "pullNumber">): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`;
}
