import { readFile } from "node:fs/promises";
import { pino } from "pino";
import { loadEnv } from "../config/env.js";
import { AppOctokit, type GitHubClient } from "../github/github-client.js";
import { getModelProviderConfig } from "../model/model-provider-config.js";
import { useEnvProxy } from "../ops/use-env-proxy.js";
import type { ReviewJob } from "../queue/review-job.js";
import { type ReviewOutcome, runReview } from "../review/run-review.js";

/** What the Action's entry point needs from its surroundings (a test passes its own). */
export interface ActionEnv {
  env: NodeJS.ProcessEnv;
  /** Octokit class (the app's, with its throttling and retries); tests turn retries off. */
  Octokit?: typeof AppOctokit;
  log?: pino.Logger;
}

/** The bot that posts with a workflow's GITHUB_TOKEN: its earlier reviews are this action's own. */
const actionsBot = "github-actions[bot]";

/**
 * The GitHub Action's entry point (action.yml, `mode: review`): reviews the pull request of the workflow's
 * `pull_request` event with the workflow's token and posts the same review and check run as the app, by
 * the app's own pipeline. Without a model key the detectors run alone. Resolves to the exit code:
 * 0 when the review was posted (its check run gates the merge), 1 when it could not be done.
 *
 * Inputs arrive as the runner passes them: INPUT_GITHUB-TOKEN, INPUT_ANTHROPIC-API-KEY, INPUT_MODEL.
 */
export async function runAction({ env, Octokit = AppOctokit, log: given }: ActionEnv): Promise<number> {
  const log = given ?? pino({ name: "backend-architect-action" });
  const input = (name: string) => env[`INPUT_${name.toUpperCase()}`]?.trim() || undefined;
  const token = input("github-token") ?? env.GITHUB_TOKEN;
  if (!token) {
    log.error("No GitHub token: give the action its github-token input (default: the workflow's own token).");
    return 1;
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  if (!["pull_request", "pull_request_target"].includes(eventName) || !env.GITHUB_EVENT_PATH) {
    log.error(
      `Backend Architect reviews pull requests: run it on pull_request events (this run: ${eventName || "none"}).`,
    );
    return 1;
  }
  const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")) as {
    pull_request?: { number: number; head: { sha: string } };
    repository?: { name: string; owner: { login: string } };
  };
  if (!event.pull_request || !event.repository) {
    log.error("The event payload has no pull_request: nothing to review.");
    return 1;
  }

  await useEnvProxy(env);
  const modelKey = input("anthropic-api-key");
  const appEnv = loadEnv({
    ...env,
    ...(modelKey ? { ANTHROPIC_API_KEY: modelKey } : {}),
    ...(input("model") ? { ANTHROPIC_MODEL: input("model") } : {}),
  });
  const provider = getModelProviderConfig(appEnv);
  let model = null;
  if ("config" in provider) {
    const { createReviewModel } = await import("../model/review-model.js");
    model = createReviewModel({
      provider: provider.config,
      model: appEnv.ANTHROPIC_MODEL,
      maxTokens: appEnv.MODEL_MAX_TOKENS,
      timeoutMs: appEnv.MODEL_TIMEOUT_MS,
      maxRetries: appEnv.MODEL_MAX_RETRIES,
    });
  } else {
    log.warn(
      `${provider.missing}: the rule-based detectors run alone (add the key as a secret to ask Claude).`,
    );
  }

  const octokit = new Octokit({
    auth: { token },
    baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
  }) as GitHubClient;
  const runId = env.GITHUB_RUN_ID ?? "local";
  const job: ReviewJob = {
    installationId: 0,
    owner: event.repository.owner.login,
    repo: event.repository.name,
    pullNumber: event.pull_request.number,
    headSha: event.pull_request.head.sha,
    trigger: "push",
    deliveryId: `actions-run-${runId}`,
    key: `auto:${event.pull_request.head.sha}`,
    scope: "auto",
    focus: [],
  };
  let outcome: ReviewOutcome;
  try {
    outcome = await runReview(
      { job, attempt: 1, isSuperseded: async () => false },
      {
        octokit,
        model,
        log,
        identity: { botLogin: actionsBot },
        settings: {
          defaultModel: appEnv.ANTHROPIC_MODEL,
          tokenBudget: appEnv.REVIEW_TOKEN_BUDGET,
          maxModelCalls: appEnv.REVIEW_MAX_MODEL_CALLS,
          maxAttempts: 1,
        },
      },
    );
  } catch (error) {
    log.error({ err: error }, "The review failed");
    return 1;
  }
  log.info({ outcome }, `Review of ${job.owner}/${job.repo}#${job.pullNumber}: ${outcome}`);
  return outcome === "failed" || outcome === "config-invalid" ? 1 : 0;
}

const isMain = process.argv[1]?.endsWith("run-action.js") ?? false;
if (isMain) process.exitCode = await runAction({ env: process.env });
