import picomatch from "picomatch";
import { stringify } from "yaml";
import { z } from "zod";
import { categories, severities } from "../findings/finding.js";

/**
 * Repository configuration: `.github/architect.yml`, keys in snake_case exactly as users write them.
 * Every value is validated once here; unknown keys are errors so that a typo never silently does nothing.
 * A key whose value is YAML `null` (`fail_on:` with nothing after it) counts as not set.
 */

export const permissions = ["admin", "maintain", "write", "triage", "read"] as const;
export type Permission = (typeof permissions)[number];

const failOnValues = [...severities, "never"] as const;
const reviewEvents = ["COMMENT", "REQUEST_CHANGES"] as const;

const maxInstructionsLength = 4_000;
const maxPathInstructionsLength = 2_000;
const maxPathInstructionEntries = 50;

/** One error of a repository configuration, shown to users in the check run. */
export interface ConfigError {
  /** Key path as written in YAML (`ignore.title_patterns[0]`); "" for the file as a whole. */
  path: string;
  /** The value received, as JSON truncated to about 80 characters; undefined when the key is missing. */
  received?: string;
  /** What is allowed, in words (`one of critical, high, medium, low, info, never`). */
  expected: string;
  /** The full sentence, markdown (key names and values in code spans). */
  message: string;
}

export type ParseRepoConfigResult = { ok: true; config: RepoConfig } | { ok: false; errors: ConfigError[] };

// ---------------------------------------------------------------------------------------------------
// Globs

/**
 * Compiles a path glob. A pattern without a `/` matches the file name at any depth (as in .gitignore);
 * picomatch's own `basename` option would apply that to every pattern, so it is chosen per pattern.
 */
function buildPathMatcher(glob: string): (path: string) => boolean {
  return picomatch(glob, { dot: true, strictBrackets: true, basename: !glob.includes("/") });
}

function buildBranchMatcher(glob: string): (branch: string) => boolean {
  return picomatch(glob, { dot: true, strictBrackets: true });
}

/** Returns why `glob` is not usable, or null. */
function getGlobProblem(glob: string): string | null {
  if (glob.trim() === "") return "must not be empty";
  if (glob.startsWith("/")) return "drop the leading `/`";
  try {
    picomatch.makeRe(glob, { dot: true, strictBrackets: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function getRegexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, "i");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// ---------------------------------------------------------------------------------------------------
// Schema. Each node's `error` is the description of what is allowed; toConfigErrors() adds the path
// and the value received.

const globDescription = "a glob relative to the repository root, e.g. `src/**/*.ts`";

function globSchema(description: string) {
  return z.string({ error: description }).superRefine((glob, ctx) => {
    const problem = getGlobProblem(glob);
    if (problem !== null) ctx.addIssue({ code: "custom", message: `${description} (${problem})` });
  });
}

function listOf<T extends z.ZodType>(element: T, description: string) {
  return z.array(element, { error: description }).default([]);
}

const booleanSchema = z.boolean({ error: "`true` or `false`" });
const severityList = severities.join(", ");
const categoryList = categories.join(", ");

const autoReviewShape = {
  enabled: booleanSchema.default(true),
  drafts: booleanSchema.default(false),
  base_branches: listOf(
    globSchema("a branch name or glob, e.g. `main` or `release/*`"),
    "a list of branch names or globs",
  ),
};

const pathsShape = {
  include: listOf(globSchema(globDescription), "a list of globs"),
  exclude: listOf(globSchema(globDescription), "a list of globs"),
};

const pathInstructionShape = {
  path: globSchema(globDescription),
  instructions: z
    .string({ error: `a string of at most ${maxPathInstructionsLength.toLocaleString("en")} characters` })
    .max(maxPathInstructionsLength, {
      error: `a string of at most ${maxPathInstructionsLength.toLocaleString("en")} characters`,
    }),
};

const ignoreShape = {
  authors: listOf(
    z.string({ error: "a GitHub login" }).min(1, { error: "a GitHub login" }),
    "a list of logins",
  ),
  labels: listOf(
    z.string({ error: "a label name" }).min(1, { error: "a label name" }),
    "a list of label names",
  ),
  title_patterns: listOf(
    z.string({ error: "a JavaScript regular expression" }).superRefine((pattern, ctx) => {
      const problem = getRegexProblem(pattern);
      if (problem !== null) {
        ctx.addIssue({ code: "custom", message: `a valid JavaScript regular expression (${problem})` });
      }
    }),
    "a list of JavaScript regular expressions",
  ),
};

const permissionDescription = `one of ${permissions.join(", ")}`;
const commandsShape = {
  allowed_permissions: z
    .array(z.enum(permissions, { error: permissionDescription }), {
      error: `a list of roles, each ${permissionDescription}`,
    })
    .default(["admin", "maintain", "write"]),
  cooldown_seconds: z
    .int({ error: "a whole number of seconds, 0 or more" })
    .min(0, { error: "a whole number of seconds, 0 or more" })
    .default(60),
};

const limitsShape = {
  daily_token_budget: z
    .int({ error: "a whole number of tokens, 0 or more (0 = unlimited)" })
    .min(0, { error: "a whole number of tokens, 0 or more (0 = unlimited)" })
    .default(0),
};

/** What `rules.<id>` may be: `off`, or the severity the detector's findings get instead of its own. */
export const ruleSettings = ["off", ...severities] as const;
export type RuleSetting = (typeof ruleSettings)[number];
const ruleIdDescription =
  "a detector id such as `sql-string-building`, `secret` (every secret) or `secret/<kind>`";
const rulesDescription = `a mapping of detector ids to one of ${ruleSettings.join(", ")}`;

/** Where test code lives, unless `test_code.use_default_paths` is false: tests, fixtures, examples, seed data. */
export const defaultTestCodeGlobs = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/spec/**",
  "**/specs/**",
  "**/testdata/**",
  "**/fixtures/**",
  "**/__fixtures__/**",
  "**/__mocks__/**",
  "**/examples/**",
  "**/example/**",
  "**/seed/**",
  "**/seeds/**",
  "**/seeders/**",
  "*.test.*",
  "*.spec.*",
  "*_test.go",
  "test_*.py",
  "*_test.py",
  "conftest.py",
  "*Test.java",
  "*Tests.java",
  "*IT.java",
] as const;

const testCodeDetectorValues = ["secrets", "all", "none"] as const;
const testCodeShape = {
  use_default_paths: booleanSchema.default(true),
  paths: listOf(globSchema(globDescription), "a list of globs"),
  max_security_severity: z.enum(severities, { error: `one of ${severityList}` }).default("low"),
  detectors: z
    .enum(testCodeDetectorValues, { error: `one of ${testCodeDetectorValues.join(", ")}` })
    .default("secrets"),
};

const contextBudgetDescription = "a whole number of tokens, 0 or more (0 = no repository context)";
const contextShape = {
  enabled: booleanSchema.default(true),
  /** Unset: the app's CONTEXT_TOKEN_BUDGET. */
  budget_tokens: z
    .int({ error: contextBudgetDescription })
    .min(0, { error: contextBudgetDescription })
    .max(200_000, { error: contextBudgetDescription })
    .optional(),
  exclude: listOf(globSchema(globDescription), "a list of globs"),
  /** Unset: the app's CONTEXT_AGENTIC. */
  agentic: booleanSchema.optional(),
};

const secondLookConfidenceDescription =
  "a number from 0 to 1 (1 = every finding of medium severity or worse)";
const secondLookShape = {
  enabled: booleanSchema.default(true),
  model: z
    .string({
      error: "a Claude model id such as `claude-haiku-5-5` (lowercase letters, digits, `.` and `-`)",
    })
    .regex(/^claude-[a-z0-9.-]+$/, {
      error: "a Claude model id such as `claude-haiku-5-5` (lowercase letters, digits, `.` and `-`)",
    })
    .optional(),
  confidence_below: z
    .number({ error: secondLookConfidenceDescription })
    .min(0, { error: secondLookConfidenceDescription })
    .max(1, { error: secondLookConfidenceDescription })
    .default(0.8),
};

const architectureImpactShape = {
  enabled: booleanSchema.default(true),
  diagram: booleanSchema.default(true),
};

function describeMapping(shape: object): { error: string } {
  return { error: `a mapping with the keys ${Object.keys(shape).join(", ")}` };
}

const focusDescription = `a non-empty list of categories, each one of ${categoryList}`;
const inlineCommentsDescription = "a whole number from 0 to 50";
const confidenceDescription = "a number from 0 to 1";
const modelDescription =
  "a Claude model id such as `claude-sonnet-5-5` (lowercase letters, digits, `.` and `-`)";
const instructionsDescription = `a string of at most ${maxInstructionsLength.toLocaleString("en")} characters`;

const rootShape = {
  auto_review: z.strictObject(autoReviewShape, describeMapping(autoReviewShape)).prefault({}),
  paths: z.strictObject(pathsShape, describeMapping(pathsShape)).prefault({}),
  path_instructions: z
    .array(
      z.strictObject(pathInstructionShape, {
        error: "a mapping with the keys path, instructions",
      }),
      { error: "a list of `{ path, instructions }` mappings" },
    )
    .max(maxPathInstructionEntries, {
      error: `a list of at most ${maxPathInstructionEntries} \`{ path, instructions }\` mappings`,
    })
    .default([]),
  focus: z
    .array(z.enum(categories, { error: `one of ${categoryList}` }), { error: focusDescription })
    .min(1, { error: focusDescription })
    .default([...categories]),
  fail_on: z.enum(failOnValues, { error: `one of ${failOnValues.join(", ")}` }).default("high"),
  review_event: z
    .enum(reviewEvents, {
      error: (issue) =>
        issue.input === "APPROVE"
          ? "`COMMENT` or `REQUEST_CHANGES` (the app never approves a pull request)"
          : "`COMMENT` or `REQUEST_CHANGES`",
    })
    .default("COMMENT"),
  max_inline_comments: z
    .int({ error: inlineCommentsDescription })
    .min(0, { error: inlineCommentsDescription })
    .max(50, { error: inlineCommentsDescription })
    .default(20),
  min_severity: z.enum(severities, { error: `one of ${severityList}` }).default("low"),
  min_confidence: z
    .number({ error: confidenceDescription })
    .min(0, { error: confidenceDescription })
    .max(1, { error: confidenceDescription })
    .default(0.6),
  model: z
    .string({ error: modelDescription })
    .regex(/^claude-[a-z0-9.-]+$/, { error: modelDescription })
    .optional(),
  instructions: z
    .string({ error: instructionsDescription })
    .max(maxInstructionsLength, { error: instructionsDescription })
    .default(""),
  ignore: z.strictObject(ignoreShape, describeMapping(ignoreShape)).prefault({}),
  commands: z.strictObject(commandsShape, describeMapping(commandsShape)).prefault({}),
  limits: z.strictObject(limitsShape, describeMapping(limitsShape)).prefault({}),
  rules: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[A-Za-z0-9._-]+)?$/, { error: ruleIdDescription }),
      // YAML 1.1 readers turn a bare `off` into false.
      z.preprocess(
        (value) => (value === false ? "off" : value),
        z.enum(ruleSettings, { error: `one of ${ruleSettings.join(", ")}` }),
      ),
      { error: rulesDescription },
    )
    .default({}),
  test_code: z.strictObject(testCodeShape, describeMapping(testCodeShape)).prefault({}),
  context: z.strictObject(contextShape, describeMapping(contextShape)).prefault({}),
  second_look: z.strictObject(secondLookShape, describeMapping(secondLookShape)).prefault({}),
  architecture_impact: z
    .strictObject(architectureImpactShape, describeMapping(architectureImpactShape))
    .prefault({}),
};

/** Schema of `.github/architect.yml`. Parse with {@link parseRepoConfig} for user-facing errors. */
export const repoConfigSchema = z.strictObject(rootShape, {
  error: `a mapping of configuration keys (${Object.keys(rootShape).join(", ")})`,
});

/** The effective configuration of a repository: every default applied. */
export type RepoConfig = z.output<typeof repoConfigSchema>;
/** What a user may write in `.github/architect.yml`. */
export type RepoConfigInput = z.input<typeof repoConfigSchema>;

/** The configuration of a repository without `.github/architect.yml`. */
export const defaultRepoConfig: RepoConfig = repoConfigSchema.parse({});

/** Known keys of each mapping, by path with array indices written `[]`. */
const knownKeysByPath: Record<string, string[]> = {
  "": Object.keys(rootShape),
  auto_review: Object.keys(autoReviewShape),
  paths: Object.keys(pathsShape),
  "path_instructions[]": Object.keys(pathInstructionShape),
  ignore: Object.keys(ignoreShape),
  commands: Object.keys(commandsShape),
  limits: Object.keys(limitsShape),
  test_code: Object.keys(testCodeShape),
  context: Object.keys(contextShape),
  second_look: Object.keys(secondLookShape),
  architecture_impact: Object.keys(architectureImpactShape),
};

// ---------------------------------------------------------------------------------------------------
// Parsing and error messages

/**
 * Validates a parsed `architect.yml` and applies defaults.
 *
 * @example
 * const result = parseRepoConfig({ fail_on: "hgih" });
 * // { ok: false, errors: [{ path: "fail_on", received: '"hgih"', expected: "one of critical, …, never",
 * //   message: '`fail_on`: expected one of critical, high, medium, low, info, never; received `"hgih"`' }] }
 */
export function parseRepoConfig(raw: unknown): ParseRepoConfigResult {
  const input = raw === null || raw === undefined ? {} : removeNullProperties(raw);
  const result = repoConfigSchema.safeParse(input);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: toConfigErrors(result.error.issues, input) };
}

/** `key: null` (a key written with nothing after it) means "not set": drop it so the default applies. */
function removeNullProperties(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item) => (isPlainObject(item) ? removeNullProperties(item) : item));
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) result[key] = removeNullProperties(item);
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toConfigErrors(issues: readonly z.core.$ZodIssue[], input: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors.push(buildUnknownKeyError([...issue.path, key], input));
      continue;
    }
    const path = formatPath(issue.path);
    const value = getAtPath(input, issue.path);
    if (value === undefined) {
      errors.push({
        path,
        expected: issue.message,
        message: `${formatKey(path)} is required: expected ${issue.message}`,
      });
      continue;
    }
    const received = toReceivedText(value);
    errors.push({
      path,
      received,
      expected: issue.message,
      message: `${formatKey(path)}: expected ${issue.message}; received ${toCodeSpan(received)}`,
    });
  }
  return errors;
}

function buildUnknownKeyError(issuePath: PropertyKey[], input: unknown): ConfigError {
  const path = formatPath(issuePath);
  const parentPath = issuePath.slice(0, -1);
  const key = String(issuePath[issuePath.length - 1]);
  const knownKeys = knownKeysByPath[formatPath(parentPath, "[]")] ?? [];
  const suggestion = getKeySuggestion(key, knownKeys, parentPath);
  const expected = `one of the keys ${knownKeys.join(", ")}`;
  return {
    path,
    received: toReceivedText(getAtPath(input, issuePath)),
    expected,
    message:
      suggestion === null
        ? `unknown key ${toCodeSpan(path)}; allowed keys${parentPath.length > 0 ? ` of ${toCodeSpan(formatPath(parentPath))}` : ""}: ${knownKeys.join(", ")}`
        : `unknown key ${toCodeSpan(path)}; did you mean ${toCodeSpan(suggestion)}?`,
  };
}

/** The closest real key (full path), or null when nothing is close enough to be a typo. */
function getKeySuggestion(key: string, knownKeys: string[], parentPath: PropertyKey[]): string | null {
  const prefix = parentPath.length > 0 ? `${formatPath(parentPath)}.` : "";
  const normalized = normalizeKey(key);
  let best: { key: string; distance: number } | null = null;
  for (const known of knownKeys) {
    const distance = normalizeKey(known) === normalized ? 0 : getEditDistance(key.toLowerCase(), known);
    if (best === null || distance < best.distance) best = { key: known, distance };
  }
  const tolerance = key.length <= 4 ? 1 : 2;
  if (best !== null && best.distance <= tolerance) return `${prefix}${best.key}`;
  // A nested key written at the top level (`drafts: true` instead of `auto_review.drafts`).
  if (parentPath.length === 0) {
    for (const [section, keys] of Object.entries(knownKeysByPath)) {
      if (section === "" || section.endsWith("[]")) continue;
      const match = keys.find((known) => normalizeKey(known) === normalized);
      if (match !== undefined) return `${section}.${match}`;
    }
  }
  return null;
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
function getEditDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}

/** `ignore.title_patterns[0]`; with `indexText`, indices are replaced (`path_instructions[]`). */
function formatPath(path: readonly PropertyKey[], indexText?: string): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += indexText ?? `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function getAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isPlainObject(current) && typeof segment === "string") current = current[segment];
    else return undefined;
  }
  return current;
}

const maxReceivedLength = 80;

function toReceivedText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxReceivedLength ? `${text.slice(0, maxReceivedLength - 1)}…` : text;
}

function formatKey(path: string): string {
  return path === "" ? "the configuration file" : toCodeSpan(path);
}

/** A markdown code span that survives backticks inside `text`. */
export function toCodeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** Markdown list of configuration errors, for the check run's output. */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  return errors.map((error) => `- ${error.message}`).join("\n");
}

/** Builds the error for a configuration file that could not be read or parsed (Probot threw). */
export function toConfigLoadError(fileName: string, error: unknown): ConfigError {
  const reason = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && error.cause instanceof Error ? error.cause.message.split("\n")[0] : "";
  const detail = cause ? `${reason}: ${cause}` : reason;
  return {
    path: "",
    expected: "a readable YAML file",
    message: `Could not read ${toCodeSpan(`.github/${fileName}`)}: ${detail}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Questions the pipeline asks the configuration

/**
 * Whether `path` passes `paths.include` / `paths.exclude` (applied on top of the server-code selection:
 * an empty `include` keeps every file).
 */
export function isPathIncluded(config: RepoConfig, path: string): boolean {
  const { include, exclude } = config.paths;
  if (include.length > 0 && !include.some((glob) => buildPathMatcher(glob)(path))) return false;
  return !exclude.some((glob) => buildPathMatcher(glob)(path));
}

/** Whether `context.exclude` keeps `path` out of the repository context. */
export function isContextExcluded(config: RepoConfig, path: string): boolean {
  return config.context.exclude.some((glob) => buildPathMatcher(glob)(path));
}

/** Instructions of every `path_instructions` entry whose glob matches `path`, in file order. */
export function getPathInstructions(config: RepoConfig, path: string): string[] {
  return config.path_instructions
    .filter((entry) => buildPathMatcher(entry.path)(path))
    .map((entry) => entry.instructions);
}

export interface PullFacts {
  author: string;
  authorIsBot: boolean;
  labels: string[];
  title: string;
  draft: boolean;
  baseRef: string;
}

export interface ShouldIgnorePullOptions {
  /**
   * `auto` (default): an automatic review, subject to `auto_review`. `command`: someone asked with
   * `/architect`, which overrides `auto_review` (enabled, drafts, base branches) but not `ignore`.
   */
  trigger?: "auto" | "command";
}

/**
 * Why this pull request must not be reviewed, or null when it may be.
 *
 * @example
 * shouldIgnorePull(config, { author: "dependabot[bot]", authorIsBot: true, labels: [], title: "Bump x",
 *   draft: false, baseRef: "main" }); // "the author dependabot[bot] is a bot"
 */
export function shouldIgnorePull(
  config: RepoConfig,
  pull: PullFacts,
  options: ShouldIgnorePullOptions = {},
): string | null {
  if (pull.authorIsBot) return `the author ${pull.author} is a bot`;
  const author = pull.author.toLowerCase();
  if (config.ignore.authors.some((login) => login.replace(/^@/, "").toLowerCase() === author)) {
    return `the author ${pull.author} is listed in ignore.authors`;
  }
  const ignoredLabels = new Set(config.ignore.labels.map((label) => label.toLowerCase()));
  const label = pull.labels.find((name) => ignoredLabels.has(name.toLowerCase()));
  if (label !== undefined) return `the label "${label}" is listed in ignore.labels`;
  const pattern = config.ignore.title_patterns.find((source) => new RegExp(source, "i").test(pull.title));
  if (pattern !== undefined) return `the title matches ignore.title_patterns /${pattern}/`;

  if (options.trigger === "command") return null;
  if (!config.auto_review.enabled) return "automatic reviews are off (auto_review.enabled is false)";
  if (pull.draft && !config.auto_review.drafts) {
    return "the pull request is a draft (auto_review.drafts is false)";
  }
  const branches = config.auto_review.base_branches;
  if (branches.length > 0 && !branches.some((glob) => buildBranchMatcher(glob)(pull.baseRef))) {
    return `the base branch ${pull.baseRef} is not listed in auto_review.base_branches`;
  }
  return null;
}

/** The effective configuration as YAML, for a collapsed `<details>` block. */
export function renderEffectiveConfig(config: RepoConfig): string {
  return stringify(config, { lineWidth: 0 });
}

/** Whether `path` is test code (tests, fixtures, examples, seed data) under `test_code`. */
export function isTestCode(config: RepoConfig, path: string): boolean {
  const globs = [
    ...(config.test_code.use_default_paths ? defaultTestCodeGlobs : []),
    ...config.test_code.paths,
  ];
  return globs.some((glob) => getCachedMatcher(glob)(path));
}

const matcherCache = new Map<string, (path: string) => boolean>();
function getCachedMatcher(glob: string): (path: string) => boolean {
  let matcher = matcherCache.get(glob);
  if (!matcher) {
    matcher = buildPathMatcher(glob);
    if (matcherCache.size < 1_000) matcherCache.set(glob, matcher);
  }
  return matcher;
}
