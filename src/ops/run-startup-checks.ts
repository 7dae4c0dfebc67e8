import type { CheckOutcome } from "./check-credentials.js";
import type { StartupState } from "./startup-state.js";

interface CheckLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** One start-up check: its name (also the key of its problem in the readiness state) and how to run it. */
export interface StartupCheck {
  name: string;
  run(): Promise<CheckOutcome>;
}

/**
 * Runs the start-up checks side by side. While a check runs, `/ready` says so (503); a check that fails
 * keeps `/ready` at 503 with its reason and logs it as one error line; one that cannot tell (GitHub or the
 * model unreachable) logs a warning and does not block. Never throws.
 */
export async function runStartupChecks(options: {
  checks: StartupCheck[];
  state: StartupState;
  log: CheckLogger;
}): Promise<void> {
  const { state, log } = options;
  for (const check of options.checks) state.set(check.name, `start-up check "${check.name}" is running`);
  await Promise.all(
    options.checks.map(async (check) => {
      let outcome: CheckOutcome;
      try {
        outcome = await check.run();
      } catch (error) {
        outcome = {
          status: "unknown",
          warning: `The start-up check failed to run: ${(error as Error).message}`,
        };
      }
      switch (outcome.status) {
        case "ok":
          log.info({ check: check.name }, `Start-up check passed: ${outcome.detail}`);
          state.set(check.name, undefined);
          break;
        case "unknown":
          log.warn({ check: check.name }, outcome.warning);
          state.set(check.name, undefined);
          break;
        case "failed":
          log.error({ check: check.name }, `${outcome.problem} (/ready answers 503 until this is fixed)`);
          state.set(check.name, outcome.problem);
          break;
      }
    }),
  );
}
