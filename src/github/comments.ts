import type { GitHubClient } from "./github-client.js";

export type ReactionContent = "eyes" | "rocket" | "confused" | "+1" | "-1";

export async function createCommentReaction(
  octokit: GitHubClient,
  params: { owner: string; repo: string; commentId: number; content: ReactionContent },
): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({
    owner: params.owner,
    repo: params.repo,
    comment_id: params.commentId,
    content: params.content,
  });
}

export async function createIssueComment(
  octokit: GitHubClient,
  params: { owner: string; repo: string; issueNumber: number; body: string },
): Promise<void> {
  await octokit.rest.issues.createComment({
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issueNumber,
    body: params.body,
  });
}
