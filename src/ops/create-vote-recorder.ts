import type { Counter } from "prom-client";

/** What a review read about one of the app's earlier comments. */
export interface SeenVotes {
  commentId: number;
  category?: string | undefined;
  ruleId?: string | undefined;
  votes: { up: number; down: number };
}

/**
 * Counts 👍/👎 on the app's comments into a counter. GitHub sends no webhook for reactions, so votes are
 * read whenever a review of the pull request runs, and the same votes are seen again and again: only the
 * increase since this process last saw a comment is counted. The memory holds the last `maxComments`
 * comments (oldest forgotten first); after a restart, or in another worker process, votes are counted
 * once more for that process — sum the series per process, not across replicas, for exact figures.
 */
export function createVoteRecorder(
  counter: Counter<"vote" | "rule" | "category">,
  maxComments = 50_000,
): (seen: readonly SeenVotes[]) => void {
  const last = new Map<number, { up: number; down: number }>();
  return (seen) => {
    for (const comment of seen) {
      const before = last.get(comment.commentId) ?? { up: 0, down: 0 };
      const labels = { rule: comment.ruleId ?? "model", category: comment.category ?? "unknown" };
      const up = comment.votes.up - before.up;
      const down = comment.votes.down - before.down;
      if (up > 0) counter.inc({ ...labels, vote: "up" }, up);
      if (down > 0) counter.inc({ ...labels, vote: "down" }, down);
      last.delete(comment.commentId);
      last.set(comment.commentId, { ...comment.votes });
      if (last.size > maxComments) last.delete(last.keys().next().value as number);
    }
  };
}
