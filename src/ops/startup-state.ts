/**
 * What the start-up checks found, for `/ready`: a check that failed for good (a key that does not parse,
 * an app GitHub does not know, a model id the key cannot use) holds readiness at 503 with its reason, so
 * that a broken deployment fails loudly instead of staying green while nothing happens on pull requests.
 */
export interface StartupState {
  /** Records the outcome of one check: a problem string blocks readiness, `undefined` clears it. */
  set(check: string, problem: string | undefined): void;
  /** The first blocking problem, or `undefined` when every check passed (or has not reported yet). */
  getProblem(): string | undefined;
}

export function createStartupState(): StartupState {
  const problems = new Map<string, string>();
  return {
    set(check, problem) {
      if (problem === undefined) problems.delete(check);
      else problems.set(check, problem);
    },
    getProblem() {
      for (const problem of problems.values()) return problem;
      return undefined;
    },
  };
}
