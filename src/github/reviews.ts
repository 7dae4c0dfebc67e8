import type { GitHubClient } from "./github-client.js";

export interface ReviewCommentInput {
  path: string;
  line: number;
  side: "RIGHT";
  start_line?: number;
  start_side?: "RIGHT";
  body: string;
}

export interface ExistingReview {
  id: number;
  body: string;
  commitId: string | null;
  authorLogin: string | undefined;
  authorIsBot: boolean;
}

/** Lists the pull request's reviews (all pages). */
export async function listReviews(
  octokit: GitHubClient,
  params: { owner: string; repo: string; pullNumber: number },
): Promise<ExistingReview[]> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    per_page: 100,
  });
  return reviews.map((review) => ({
    id: review.id,
    body: review.body ?? "",
    commitId: review.commit_id ?? null,
    authorLogin: review.user?.login,
    authorIsBot: review.user?.type === "Bot",
  }));
}

/**
 * Posts one review. Never retried automatically: after a secondary rate limit GitHub may have created
 * it already, and a blind retry would post it twice.
 */
export async function createReview(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    pullNumber: number;
    commitId: string;
    body: string;
    event: "COMMENT" | "REQUEST_CHANGES";
    comments: ReviewCommentInput[];
  },
): Promise<number> {
  const { data } = await octokit.rest.pulls.createReview({
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    commit_id: params.commitId,
    body: params.body,
    event: params.event,
    comments: params.comments,
    request: { retries: 0 },
  });
  return data.id;
}

export interface ExistingReviewComment {
  id: number;
  body: string;
  path: string;
  /** null when the comment is outdated: the code it was on changed or is gone. */
  line: number | null;
  authorLogin: string | undefined;
  authorIsBot: boolean;
  /** The thread's first comment, for a reply. */
  inReplyToId?: number;
  /** The reactions rollup: who reacted is only listed by another call. */
  reactions?: { plusOne: number; minusOne: number };
}

/** Lists the pull request's review comments (all pages). */
export async function listReviewComments(
  octokit: GitHubClient,
  params: { owner: string; repo: string; pullNumber: number },
): Promise<ExistingReviewComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    per_page: 100,
  });
  return comments.map((comment) => ({
    id: comment.id,
    body: comment.body,
    path: comment.path,
    line: comment.line ?? null,
    authorLogin: comment.user?.login,
    authorIsBot: comment.user?.type === "Bot",
    ...(comment.in_reply_to_id === undefined ? {} : { inReplyToId: comment.in_reply_to_id }),
    ...(comment.reactions
      ? { reactions: { plusOne: comment.reactions["+1"], minusOne: comment.reactions["-1"] } }
      : {}),
  }));
}

/**
 * The login this app posts as (`<slug>[bot]`), from the repository's installation (app JWT).
 * Undefined when GitHub does not say: callers then fall back to "any bot".
 */
export async function getAppBotLogin(
  appOctokit: GitHubClient,
  params: { owner: string; repo: string },
): Promise<string | undefined> {
  try {
    const { data } = await appOctokit.rest.apps.getRepoInstallation({
      owner: params.owner,
      repo: params.repo,
    });
    return data.app_slug ? `${data.app_slug}[bot]` : undefined;
  } catch {
    return undefined;
  }
}
