import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const repo = { owner: "acme", repo: "shop-api", installationId: 31337 } as const;
export const headSha = "c0ffee5a1d2e3f405162738495a6b7c8d9e0f1a2";
export const baseSha = "9f2c1e7a4b5d6c8e0f1a2b3c4d5e6f708192a3b4";

// biome-ignore lint/suspicious/noExplicitAny: surgery on real example payloads; the app validates what it reads
type Json = Record<string, any>;

/** A real example payload from @octokit/webhooks-examples, re-pointed at acme/shop-api. */
export function getExample(event: string, action: string): Json {
  const list = examples.find((e) => e.name === event)?.examples ?? [];
  const chosen = list.find((e) => e.action === action);
  if (!chosen) throw new Error(`No @octokit/webhooks-examples payload for ${event}.${action}`);
  const from = (chosen.repository as { full_name: string }).full_name;
  const payload = JSON.parse(JSON.stringify(chosen).split(from).join(`${repo.owner}/${repo.repo}`)) as Json;
  payload.repository.name = repo.repo;
  payload.repository.full_name = `${repo.owner}/${repo.repo}`;
  payload.repository.owner.login = repo.owner;
  payload.installation = { id: repo.installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMzEzMzc=" };
  return payload;
}

export function buildPullRequestEvent(
  action: "opened" | "reopened" | "synchronize" | "ready_for_review",
  options: {
    number?: number;
    sha?: string;
    draft?: boolean;
    userType?: "User" | "Bot";
    before?: string;
    state?: string;
  } = {},
): Json {
  const payload = getExample("pull_request", action);
  const number = options.number ?? 42;
  payload.number = number;
  Object.assign(payload.pull_request, {
    number,
    draft: options.draft ?? false,
    state: options.state ?? "open",
    title: "Add user search endpoint",
  });
  payload.pull_request.head.sha = options.sha ?? headSha;
  payload.pull_request.base.sha = baseSha;
  payload.pull_request.user.type = options.userType ?? "User";
  payload.pull_request.user.login = options.userType === "Bot" ? "dependabot[bot]" : "dana-dev";
  if (action === "synchronize") payload.before = options.before ?? baseSha;
  return payload;
}

export function buildIssueCommentEvent(
  body: string,
  options: { number?: number; login?: string; userType?: "User" | "Bot"; commentId?: number } = {},
): Json {
  const payload = getExample("issue_comment", "created");
  const number = options.number ?? 42;
  payload.issue.number = number;
  payload.issue.pull_request = {
    url: `https://api.github.com/repos/${repo.owner}/${repo.repo}/pulls/${number}`,
    html_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${number}`,
    diff_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${number}.diff`,
    patch_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${number}.patch`,
    merged_at: null,
  };
  payload.comment.body = body;
  payload.comment.id = options.commentId ?? 777;
  payload.comment.user.login = options.login ?? "maintainer-max";
  payload.comment.user.type = options.userType ?? "User";
  return payload;
}

export function buildCheckRunEvent(
  action: "rerequested" | "requested_action",
  options: { checkRunId?: number; pullNumber?: number } = {},
): Json {
  const payload = getExample("check_run", action);
  payload.check_run.id = options.checkRunId ?? 5001;
  payload.check_run.head_sha = headSha;
  payload.check_run.external_id = `${options.pullNumber ?? 42}/auto:${headSha}`;
  payload.check_run.pull_requests = [];
  if (action === "requested_action") payload.requested_action = { identifier: "rerun-review" };
  return payload;
}

/** A reply (`in_reply_to_id`) in a review-comment thread, from the real `pull_request_review_comment.created` example. */
export function buildReviewCommentReplyEvent(
  body: string,
  options: { rootCommentId?: number; commentId?: number; login?: string; userType?: "User" | "Bot" } = {},
): Json {
  const payload = getExample("pull_request_review_comment", "created");
  payload.pull_request.number = 42;
  payload.pull_request.head.sha = headSha;
  payload.comment.body = body;
  payload.comment.id = options.commentId ?? 888;
  payload.comment.in_reply_to_id = options.rootCommentId ?? 10;
  payload.comment.user.login = options.login ?? "maintainer-max";
  payload.comment.user.type = options.userType ?? "User";
  return payload;
}
