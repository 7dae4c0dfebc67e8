import type { ProbotOctokit } from "probot";
import type { ModelProviderConfig } from "../model/model-provider-config.js";
import { checkGitHubApp, type PrivateKeyResult } from "./check-credentials.js";
import { checkModelAccess } from "./check-model.js";
import type { StartupCheck } from "./run-startup-checks.js";

/**
 * The checks a process runs at start: the GitHub App's credentials (when an APP_ID is set: without one,
 * Probot serves its registration flow) and the model id (when a model is configured).
 */
export function buildStartupChecks(options: {
  appId: string | undefined;
  privateKey: PrivateKeyResult;
  githubBaseUrl: string;
  Octokit: typeof ProbotOctokit;
  model: { provider: ModelProviderConfig; model: string } | undefined;
}): StartupCheck[] {
  const checks: StartupCheck[] = [];
  const { appId, privateKey } = options;
  if (appId) {
    checks.push({
      name: "github-app",
      run: async () =>
        privateKey.ok
          ? checkGitHubApp({
              appId,
              privateKey: privateKey.privateKey,
              baseUrl: options.githubBaseUrl,
              Octokit: options.Octokit,
            })
          : { status: "failed", problem: privateKey.problem },
    });
  }
  const model = options.model;
  if (model) checks.push({ name: "model", run: () => checkModelAccess(model) });
  return checks;
}

/** GitHub's REST base: GitHub.com, or GHE_HOST (GitHub Enterprise Server, or a local stand-in). */
export function getGitHubBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : "https://api.github.com";
}
