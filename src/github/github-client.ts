import { ProbotOctokit } from "probot";

/** An Octokit authenticated as one installation (Probot's client: `context.octokit` or `app.auth(id)`). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/**
 * Probot's Octokit with a throttle key per installation: by default every installation shares the key
 * "no-id", which serialises all installations' writes behind one another.
 */
export const AppOctokit = ProbotOctokit.defaults(
  (options: ConstructorParameters<typeof ProbotOctokit>[0]) => {
    const auth = options?.auth as { installationId?: number | string } | undefined;
    return {
      ...options,
      throttle: { ...options?.throttle, id: `installation-${auth?.installationId ?? "app"}` },
    };
  },
);
