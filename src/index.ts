import type { ApplicationFunction } from "probot";
import type { GitHubClient } from "./github/github-client.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";
import { onCheckRun } from "./handlers/on-check-run.js";
import { onIssueComment } from "./handlers/on-issue-comment.js";
import { onPullRequest, pullRequestActions } from "./handlers/on-pull-request.js";
import { onReviewComment } from "./handlers/on-review-comment.js";
import { createOpsHandler } from "./ops/http-routes.js";
import type { ReviewProcessor } from "./queue/job-queue.js";

export interface AppServices extends Omit<HandlerDeps, "log"> {
  isShuttingDown(): boolean;
  metricsToken?: string | undefined;
  /** A failed start-up check's problem (see src/ops/run-startup-checks.ts), reported by `/ready`. */
  getStartupProblem?: () => string | undefined;
  /**
   * Set when this process also runs reviews: builds the queue's processor from the app's auth
   * (an installation's client with an id, the app's own JWT client without).
   */
  createProcessor?(auth: (installationId?: number) => Promise<GitHubClient>): ReviewProcessor;
}

/**
 * The Probot app: registers the webhook handlers and the ops routes. No logic here: handlers validate
 * and enqueue; the review runs from the queue after the webhook is answered.
 */
export function createApp(services: AppServices): ApplicationFunction {
  return async (app, { addHandler }) => {
    const deps: HandlerDeps = { ...services, log: app.log };

    app.onAny((event) => {
      const action = (event.payload as { action?: unknown }).action;
      services.metrics.webhooksReceived.inc({
        event: event.name,
        action: typeof action === "string" ? action : "",
      });
    });
    app.onError((error) => {
      const event = (error as { event?: { name?: string } }).event?.name;
      services.metrics.webhookErrors.inc({ event: event ?? "unknown" });
    });
    app.on(
      pullRequestActions.map((action) => `pull_request.${action}` as const),
      (context) => onPullRequest(context, deps),
    );
    app.on("issue_comment.created", (context) => onIssueComment(context, deps));
    app.on("pull_request_review_comment.created", (context) => onReviewComment(context, deps));
    app.on(["check_run.rerequested", "check_run.requested_action"], (context) => onCheckRun(context, deps));

    addHandler(
      createOpsHandler({
        metrics: services.metrics,
        isReady: () => services.queue.isReady(),
        isShuttingDown: services.isShuttingDown,
        ...(services.getStartupProblem ? { getStartupProblem: services.getStartupProblem } : {}),
        ...(services.metricsToken ? { metricsToken: services.metricsToken } : {}),
      }),
    );

    if (services.createProcessor) {
      await services.queue.startWorker(
        services.createProcessor(
          async (installationId?: number) => (await app.auth(installationId)) as GitHubClient,
        ),
      );
    }
  };
}
