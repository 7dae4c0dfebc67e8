import type { GitHubClient } from "./github-client.js";

export interface CommentReaction {
  login: string;
  content: "+1" | "-1";
}

/** Who reacted 👍 or 👎 to one review comment (all pages). GitHub sends no webhook for reactions. */
export async function listCommentVotes(
  octokit: GitHubClient,
  params: { owner: string; repo: string; commentId: number; content: "+1" | "-1" },
): Promise<CommentReaction[]> {
  try {
    const reactions = await octokit.paginate(octokit.rest.reactions.listForPullRequestReviewComment, {
      owner: params.owner,
      repo: params.repo,
      comment_id: params.commentId,
      content: params.content,
      per_page: 100,
    });
    return reactions.flatMap((reaction) =>
      reaction.user?.login && reaction.content === params.content
        ? [{ login: reaction.user.login, content: params.content }]
        : [],
    );
  } catch (error) {
    throw new Error(
      `Failed to list the reactions on review comment ${params.commentId} of ${params.owner}/${params.repo}`,
      { cause: error },
    );
  }
}

export interface ReviewThread {
  isResolved: boolean;
  /** Database ids of the thread's comments (the first one is the thread's root). */
  commentIds: number[];
}

const threadsQuery = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsResponse {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      } | null;
    } | null;
  } | null;
}

/**
 * The pull request's review threads and whether each is resolved: this state exists only in GraphQL.
 * At most 10 pages (1,000 threads).
 */
export async function listReviewThreads(
  octokit: GitHubClient,
  params: { owner: string; repo: string; pullNumber: number },
): Promise<ReviewThread[]> {
  const threads: ReviewThread[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10; page += 1) {
    let data: ThreadsResponse;
    try {
      data = await octokit.graphql<ThreadsResponse>(threadsQuery, {
        owner: params.owner,
        repo: params.repo,
        number: params.pullNumber,
        cursor,
      });
    } catch (error) {
      throw new Error(
        `Failed to read the review threads of ${params.owner}/${params.repo}#${params.pullNumber}`,
        { cause: error },
      );
    }
    const connection = data?.repository?.pullRequest?.reviewThreads;
    if (!connection) {
      throw new Error(
        `GitHub returned no review threads for ${params.owner}/${params.repo}#${params.pullNumber}`,
      );
    }
    for (const node of connection.nodes) {
      threads.push({
        isResolved: node.isResolved,
        commentIds: node.comments.nodes.flatMap((c) => (c.databaseId === null ? [] : [c.databaseId])),
      });
    }
    if (!connection.pageInfo.hasNextPage) break;
    cursor = connection.pageInfo.endCursor;
  }
  return threads;
}

export interface ReviewCommentDetail {
  id: number;
  body: string;
  path: string;
  line: number | null;
  diffHunk: string;
  inReplyToId?: number;
  authorLogin: string | undefined;
  authorIsBot: boolean;
}

/**
 * Some review comments of a pull request, by id (a thread's root and a reply). Read from the pull
 * request's comment list, whose pages stop being fetched once every id was found.
 */
export async function getReviewComments(
  octokit: GitHubClient,
  params: { owner: string; repo: string; pullNumber: number; ids: readonly number[] },
): Promise<Map<number, ReviewCommentDetail>> {
  const found = new Map<number, ReviewCommentDetail>();
  try {
    await octokit.paginate(
      octokit.rest.pulls.listReviewComments,
      { owner: params.owner, repo: params.repo, pull_number: params.pullNumber, per_page: 100 },
      (response, done) => {
        for (const data of response.data) {
          if (!params.ids.includes(data.id)) continue;
          found.set(data.id, {
            id: data.id,
            body: data.body,
            path: data.path,
            line: data.line ?? null,
            diffHunk: data.diff_hunk,
            ...(data.in_reply_to_id === undefined ? {} : { inReplyToId: data.in_reply_to_id }),
            authorLogin: data.user?.login,
            authorIsBot: data.user?.type === "Bot",
          });
        }
        if (found.size === params.ids.length) done();
        return [];
      },
    );
  } catch (error) {
    throw new Error(
      `Failed to read the review comments of ${params.owner}/${params.repo}#${params.pullNumber}`,
      { cause: error },
    );
  }
  return found;
}

/** Posts a reply in the thread of review comment `rootCommentId`. */
export async function createThreadReply(
  octokit: GitHubClient,
  params: { owner: string; repo: string; pullNumber: number; rootCommentId: number; body: string },
): Promise<void> {
  await octokit.rest.pulls.createReplyForReviewComment({
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    comment_id: params.rootCommentId,
    body: params.body,
  });
}

/** Reacts to a review comment (👀 on receipt, 👍 for a dismissal, 🚀 / 😕 when done). */
export async function createReviewCommentReaction(
  octokit: GitHubClient,
  params: { owner: string; repo: string; commentId: number; content: "eyes" | "rocket" | "confused" | "+1" },
): Promise<void> {
  await octokit.rest.reactions.createForPullRequestReviewComment({
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
    content: params.content,
  });
}
