import type { Context } from "probot";
import { parseCommand } from "../commands/parse-command.js";
import type { ReviewJob } from "../queue/review-job.js";
import type { HandlerDeps } from "./handler-deps.js";

/**
 * `issue_comment` created on a pull request starting with `/architect`. The command word is read from
 * the comment as the webhook delivered it (later edits do not count). Bots (this app included) are
 * ignored. The handler sends no GitHub request: it enqueues a command job, and the worker checks the
 * permission (only people with an allowed permission may spend model budget), cooldown and budget,
 * answers help, reacts and reviews.
 */
export async function onIssueComment(
  context: Context<"issue_comment.created">,
  deps: HandlerDeps,
): Promise<void> {
  const { payload } = context;
  const { comment, issue, repository } = payload;
  const log = deps.log.child({ deliveryId: context.id, repo: repository?.full_name, pr: issue?.number });
  if (!comment || !issue || !repository || !payload.installation?.id) {
    log.warn("Dropped an issue_comment delivery without comment, issue, repository or installation");
    return;
  }
  if (!issue.pull_request) return;
  const author = comment.user?.login;
  if (!author || comment.user?.type === "Bot" || author.endsWith("[bot]")) return;
  const command = parseCommand(comment.body ?? "");
  if (!command) return;

  // No GitHub request here: permission, help, cooldown, budget, reactions and the head SHA are the
  // job's (src/commands/run-command-intake.ts), so a burst of commands is answered at once.
  const job: ReviewJob = {
    installationId: payload.installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: issue.number,
    headSha: "",
    trigger: "comment",
    deliveryId: context.id,
    key: `cmd:${comment.id}`,
    scope: command.kind === "review" ? command.scope : "auto",
    focus: command.kind === "review" ? (command.focus ?? []) : [],
    commentId: comment.id,
    requestedBy: author,
    command: command.kind === "unknown" ? { kind: "unknown", word: command.word } : { kind: command.kind },
  };
  const result = await deps.queue.enqueue(job);
  log.info({ jobId: result.jobId, status: result.status, command: command.kind }, "Command enqueued");
}
