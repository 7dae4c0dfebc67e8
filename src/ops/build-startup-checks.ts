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
  /**
   * Whether to ask GitHub for the app (GET /app) at start: `auto` (the default) asks GitHub.com only; a
   * GitHub Enterprise Server or a stand-in (GHE_HOST) is then checked by its first installation token.
   */
  askGitHub?: "auto" | "on" | "off";
  Octokit: typeof ProbotOctokit;
  model: { provider: ModelProviderConfig; model: string } | undefined;
}): StartupCheck[] {
  const checks: StartupCheck[] = [];
  const { appId, privateKey } = options;
  if (appId) {
    checks.push({
      name: "github-app",
      run: async () => {
        if (!privateKey.ok) return { status: "failed", problem: privateKey.problem };
        // GitHub.com is asked for the app (GET /app). A GitHub Enterprise Server or a stand-in (GHE_HOST) is
        // not asked at start (not every server or stand-in answers GET /app): the key was parsed above, and
        // GitHub's answer to the first installation token request decides readiness there.
        const ask = options.askGitHub ?? "auto";
        if (ask === "off" || (ask === "auto" && options.githubBaseUrl !== githubComApi)) {
          return {
            status: "ok",
            detail: `private key parses; ${options.githubBaseUrl} checks the app at its first installation token`,
          };
        }
        return checkGitHubApp({
          appId,
          privateKey: privateKey.privateKey,
          baseUrl: options.githubBaseUrl,
          Octokit: options.Octokit,
        });
      },
    });
  }
  const model = options.model;
  if (model) checks.push({ name: "model", run: () => checkModelAccess(model) });
  return checks;
}

const githubComApi = "https://api.github.com";

/**
 * A readiness problem when GitHub refused an installation token for the app's own credentials (HTTP
 * 401: the key and APP_ID do not belong together, or the key was revoked); undefined for anything else.
 */
export function getTokenRefusalProblem(error: unknown): string | undefined {
  const { status, request } = error as { status?: number; request?: { url?: string } };
  if (status !== 401 || !/\/app\/installations\/\d+\/access_tokens/.test(request?.url ?? ""))
    return undefined;
  return "GitHub refused the app's credentials (HTTP 401 on an installation token): APP_ID and the private key do not belong together, or the key was revoked. Download a new key from the app's settings page.";
}

/** GitHub's REST base: GitHub.com, or GHE_HOST (GitHub Enterprise Server, or a local stand-in). */
export function getGitHubBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : githubComApi;
}
