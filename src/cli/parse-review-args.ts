import { parseArgs } from "node:util";
import { type Severity, severities } from "../findings/severity.js";
import { CliError } from "./cli-error.js";

export const outputFormats = ["text", "markdown", "json", "sarif"] as const;
export type OutputFormat = (typeof outputFormats)[number];
export const failOnValues = [...severities, "never"] as const;
export type FailOn = Severity | "never";

export interface ReviewArgs {
  /** `--base REF`; undefined: the merge base with the default branch. */
  base?: string;
  /** `--diff FILE`, or "-" for stdin; undefined: ask git. */
  diff?: string;
  format: OutputFormat;
  /** undefined: `fail_on` of .github/architect.yml (itself `high` by default). */
  failOn?: FailOn;
  /** undefined: `min_confidence` of .github/architect.yml. */
  minConfidence?: number;
  useModel: boolean;
  model?: string;
  /** `--fail-on-model-error`: exit 3 when the model could not review (no key, or a call failed). */
  failOnModelError: boolean;
  /** `--baseline FILE`: the SARIF or JSON output of an earlier run; its findings are not reported. */
  baseline?: string;
  help: boolean;
}

export const reviewUsage = `Usage: backend-architect review [options]

Reviews a local change with the same stages the GitHub App uses: server-side file selection, secret
redaction, rule-based detectors and, with ANTHROPIC_API_KEY set, Claude.

Options:
  --base REF             Review the change since the merge base of HEAD with REF, uncommitted and
                         untracked files included (default: the default branch — origin/HEAD, else
                         main, else master).
  --diff FILE|-          Review a unified diff (\`git diff\` output) from FILE, or from stdin with "-",
                         instead of asking git.
  --format FORMAT        text (default), markdown, json or sarif (SARIF 2.1.0 for GitHub code scanning).
  --fail-on SEVERITY     Exit 1 when a finding is at least this severe: critical, high, medium, low,
                         info or never (default: fail_on of .github/architect.yml, else high).
  --min-confidence N     Report only findings with confidence >= N, 0..1 (default: min_confidence of
                         .github/architect.yml, else 0.6).
  --no-model             Run the rule-based detectors only; nothing is sent anywhere.
  --model ID             The Claude model to ask (default: model of .github/architect.yml, else
                         ANTHROPIC_MODEL, else claude-sonnet-5-5).
  --fail-on-model-error  Exit 3 when Claude could not review the change (no key set, or a model call
                         failed): the detectors' report is still printed.
  --baseline FILE        Do not report findings that are already in FILE, the SARIF (--format sarif)
                         or JSON (--format json) output of an earlier run: adopt the tool on an
                         existing codebase and see only what is new. Findings are recognised by file,
                         code and kind, wherever the code moved.
  -h, --help             Show this help.

Environment: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ANTHROPIC_MODEL, MODEL_MAX_TOKENS, MODEL_TIMEOUT_MS,
MODEL_MAX_RETRIES, MODEL_CONCURRENCY, REVIEW_TOKEN_BUDGET, REVIEW_MAX_MODEL_CALLS (as for the app).

Exit codes: 0 no finding reached --fail-on; 1 a finding reached --fail-on; 2 usage, configuration or
input error; 3 the model could not review and --fail-on-model-error was given.
For clean JSON or SARIF on stdout through npm, run \`npm run -s review -- --format json\`.
`;

/**
 * Parses the arguments after `review`. Throws a CliError that says what was wrong and what is allowed.
 *
 * @example parseReviewArgs(["--format", "sarif", "--no-model"]) // { format: "sarif", useModel: false, help: false }
 */
export function parseReviewArgs(argv: string[]): ReviewArgs {
  let values: ReturnType<typeof parseWithNode>["values"];
  let positionals: string[];
  try {
    ({ values, positionals } = parseWithNode(argv));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${message}\nRun \`backend-architect review --help\` for the options.`, {
      cause: error,
    });
  }
  if (positionals.length > 0) {
    throw new CliError(
      `Unexpected argument ${JSON.stringify(positionals[0])}: review takes options only. Use --diff FILE to review a diff file.`,
    );
  }
  if (values.base !== undefined && values.diff !== undefined) {
    throw new CliError("--base and --diff cannot be used together: --diff reviews the given diff as it is.");
  }
  if (values["no-model"] && values.model !== undefined) {
    throw new CliError("--model and --no-model cannot be used together.");
  }
  const args: ReviewArgs = {
    format: parseChoice("--format", values.format ?? "text", outputFormats),
    useModel: !values["no-model"],
    failOnModelError: values["fail-on-model-error"] === true,
    help: values.help === true,
  };
  if (values.base !== undefined) args.base = requireValue("--base", values.base);
  if (values.diff !== undefined) args.diff = requireValue("--diff", values.diff);
  if (values["fail-on"] !== undefined)
    args.failOn = parseChoice("--fail-on", values["fail-on"], failOnValues);
  if (values["min-confidence"] !== undefined) args.minConfidence = parseConfidence(values["min-confidence"]);
  if (values.model !== undefined) args.model = requireValue("--model", values.model);
  if (values.baseline !== undefined) args.baseline = requireValue("--baseline", values.baseline);
  return args;
}

function parseWithNode(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      base: { type: "string" },
      diff: { type: "string" },
      format: { type: "string" },
      "fail-on": { type: "string" },
      "min-confidence": { type: "string" },
      "no-model": { type: "boolean" },
      "fail-on-model-error": { type: "boolean" },
      model: { type: "string" },
      baseline: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function requireValue(option: string, value: string): string {
  if (value.trim() === "") throw new CliError(`${option} needs a value; received an empty string.`);
  return value;
}

function parseChoice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((choice) => choice === value.trim().toLowerCase());
  if (match === undefined) {
    throw new CliError(`${option} must be one of ${allowed.join(", ")}; received ${JSON.stringify(value)}.`);
  }
  return match;
}

function parseConfidence(value: string): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new CliError(
      `--min-confidence must be a number from 0 to 1 (e.g. 0.6); received ${JSON.stringify(value)}.`,
    );
  }
  return number;
}
