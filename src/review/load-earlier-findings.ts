import type { Logger } from "pino";
import { getTriggerPermission } from "../commands/check-permission.js";
import type { Permission } from "../config/repo-config.js";
import { categories } from "../findings/finding.js";
import type { PreviousFinding } from "../findings/finding-identity.js";
import { parseFindingMarkers } from "../findings/fingerprint.js";
import { listCommentVotes, listReviewThreads } from "../github/feedback.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ExistingReviewComment } from "../github/reviews.js";

/** How a person said an earlier finding is not a problem. */
export type DismissalRoute = "reaction" | "reply" | "resolved";

/** One of this app's earlier line comments on the pull request, with what people said about it. */
export interface EarlierFinding extends PreviousFinding {
  commentId: number;
  path: string;
  /** Still on the diff (not outdated). */
  open: boolean;
  category?: string;
  ruleId?: string;
  dismissed?: { route: DismissalRoute; by?: string };
  votes: { up: number; down: number };
}

export interface EarlierFindings {
  findings: EarlierFinding[];
  /** Why some verdicts could not be read (e.g. GraphQL unavailable): shown in the check run. */
  notes: string[];
}

/** Roles whose 👎 or reply dismisses a finding (besides the pull request's author). */
const dismissingRoles: readonly Permission[] = ["admin", "maintain", "write"];

/**
 * Replies that dismiss a finding: `/architect dismiss [reason]`, or a reply that starts with one of a few
 * explicit phrases ("false positive", "won't fix", "not an issue", "not a problem", "by design",
 * "intentional"), optionally after "this is" / "it's".
 */
const dismissReplyPattern =
  /^\s*(?:\/architect\s+dismiss\b|(?:(?:this|that|it)(?:'s|’s|\s+is)\s+)?(?:a\s+)?(?:false\s+positive|won['’]?t\s+fix|not\s+an?\s+(?:issue|problem)|by\s+design|intentional)\b)/i;

/** Whether a reply in a finding's thread dismisses it. */
export function isDismissReply(body: string): boolean {
  return dismissReplyPattern.test(body);
}

const titlePattern = /^\*\*[^*\n]*\*\*\s+—\s+(.+)$/m;
const categoryPattern = new RegExp(`^\\*\\*[^*\\n]*·\\s*(${categories.join("|")})\\*\\*`, "im");
const rulePattern = /(?:rule-based: |confirmed by rule )`([^`\n]+)`/;

/**
 * Reads this app's earlier line comments on the pull request, and for each: its identity keys, title,
 * category and rule (from the rendered comment), 👍/👎 counts, and whether someone dismissed it —
 * 👎 by the pull request's author or someone with write access, a dismissing reply by one of them, or the
 * thread resolved. Everything comes from GitHub at review time: reactions are listed only for comments
 * whose rollup shows a 👎; a failed GraphQL call (resolved threads) is noted, not fatal.
 */
export async function loadEarlierFindings(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    pullNumber: number;
    pullAuthor: string | undefined;
    comments: readonly ExistingReviewComment[];
    isOurs(comment: ExistingReviewComment): boolean;
    log: Logger;
  },
): Promise<EarlierFindings> {
  const { owner, repo } = params;
  const notes: string[] = [];
  const permissionCache = new Map<string, Promise<boolean>>();
  const mayDismiss = (login: string): Promise<boolean> => {
    if (params.pullAuthor !== undefined && login.toLowerCase() === params.pullAuthor.toLowerCase()) {
      return Promise.resolve(true);
    }
    let known = permissionCache.get(login);
    if (!known) {
      known = getTriggerPermission(octokit, { owner, repo, username: login }, dismissingRoles).then(
        (result) => result.allowed,
      );
      permissionCache.set(login, known);
    }
    return known;
  };

  const findings: EarlierFinding[] = [];
  for (const comment of params.comments) {
    if (!params.isOurs(comment) || comment.inReplyToId !== undefined) continue;
    const keys = parseFindingMarkers(comment.body);
    if (keys.length === 0) continue;
    const category = categoryPattern.exec(comment.body)?.[1]?.toLowerCase();
    const ruleId = rulePattern.exec(comment.body)?.[1];
    findings.push({
      commentId: comment.id,
      path: comment.path,
      keys,
      title: titlePattern.exec(comment.body)?.[1]?.trim(),
      open: comment.line !== null,
      ...(category ? { category } : {}),
      ...(ruleId ? { ruleId } : {}),
      votes: { up: comment.reactions?.plusOne ?? 0, down: comment.reactions?.minusOne ?? 0 },
    });
  }
  if (findings.length === 0) return { findings, notes };
  const byId = new Map(findings.map((finding) => [finding.commentId, finding]));

  // Replies in the finding's thread.
  for (const reply of params.comments) {
    if (reply.inReplyToId === undefined || params.isOurs(reply)) continue;
    const finding = byId.get(reply.inReplyToId);
    if (!finding || finding.dismissed || !isDismissReply(reply.body) || !reply.authorLogin) continue;
    if (await mayDismiss(reply.authorLogin)) finding.dismissed = { route: "reply", by: reply.authorLogin };
  }

  // 👎 reactions: only comments whose rollup shows one need the list call.
  for (const finding of findings) {
    if (finding.dismissed || finding.votes.down === 0) continue;
    const votes = await listCommentVotes(octokit, {
      owner,
      repo,
      commentId: finding.commentId,
      content: "-1",
    });
    for (const vote of votes) {
      if (await mayDismiss(vote.login)) {
        finding.dismissed = { route: "reaction", by: vote.login };
        break;
      }
    }
  }

  // Resolved threads (GraphQL only). Resolving needs write access or authorship of the pull request.
  try {
    const threads = await listReviewThreads(octokit, params);
    for (const thread of threads) {
      if (!thread.isResolved) continue;
      const finding = byId.get(thread.commentIds[0] ?? -1);
      if (finding && !finding.dismissed) finding.dismissed = { route: "resolved" };
    }
  } catch (error) {
    params.log.warn({ err: error }, "Could not read which review threads are resolved");
    notes.push(
      "Resolved threads did not count as dismissals: which review threads are resolved could not be read from GitHub (GraphQL failed)",
    );
  }
  return { findings, notes };
}
