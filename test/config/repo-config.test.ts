import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import {
  type ConfigError,
  defaultRepoConfig,
  formatConfigErrors,
  getPathInstructions,
  isPathIncluded,
  type PullFacts,
  parseRepoConfig,
  type RepoConfig,
  renderEffectiveConfig,
  shouldIgnorePull,
} from "../../src/config/repo-config.js";

const expectedDefaults: RepoConfig = {
  auto_review: { enabled: true, drafts: false, base_branches: [] },
  paths: { include: [], exclude: [] },
  path_instructions: [],
  focus: ["architecture", "security", "performance", "reliability", "maintainability"],
  fail_on: "high",
  review_event: "COMMENT",
  max_inline_comments: 20,
  min_severity: "low",
  min_confidence: 0.6,
  instructions: "",
  ignore: { authors: [], labels: [], title_patterns: [] },
  commands: { allowed_permissions: ["admin", "maintain", "write"], cooldown_seconds: 60 },
  limits: { daily_token_budget: 0 },
  rules: {},
  test_code: { use_default_paths: true, paths: [], max_security_severity: "low", detectors: "secrets" },
  context: { enabled: true, exclude: [] },
  second_look: { enabled: true, confidence_below: 0.8 },
  architecture_impact: { enabled: true, diagram: true },
};

function withDefaults(overrides: Partial<RepoConfig>): RepoConfig {
  return { ...expectedDefaults, ...overrides };
}

function parseOrThrow(raw: unknown): RepoConfig {
  const result = parseRepoConfig(raw);
  if (!result.ok) throw new Error(formatConfigErrors(result.errors));
  return result.config;
}

const fullFile = `
auto_review:
  enabled: false
  drafts: true
  base_branches: [main, "release/*"]
paths:
  include: ["services/**"]
  exclude: ["**/*.generated.ts", "*.test.ts"]
path_instructions:
  - path: "services/api/**"
    instructions: Every handler validates its input.
focus: [security, reliability]
fail_on: critical
review_event: REQUEST_CHANGES
max_inline_comments: 5
min_severity: medium
min_confidence: 0.8
model: claude-opus-5-5
instructions: We run on Postgres 16.
ignore:
  authors: [Renovate-Helper]
  labels: [no-review]
  title_patterns: ["^WIP\\\\b", "\\\\[skip review\\\\]"]
commands:
  allowed_permissions: [admin, maintain]
  cooldown_seconds: 0
limits:
  daily_token_budget: 2000000
rules:
  sql-string-building: "off"
  n-plus-one: low
  secret: critical
test_code:
  use_default_paths: false
  paths: ["qa/**"]
  max_security_severity: info
  detectors: none
context:
  enabled: false
  budget_tokens: 5000
  exclude: ["vendor/**"]
  agentic: true
`;

interface ValidCase {
  name: string;
  raw: unknown;
  expected: RepoConfig;
}

const validCases: ValidCase[] = [
  { name: "no file (null) gives the defaults", raw: null, expected: expectedDefaults },
  { name: "an empty file gives the defaults", raw: {}, expected: expectedDefaults },
  {
    name: "a key with nothing after it (null) keeps its default",
    raw: { fail_on: null, paths: { exclude: null }, ignore: null },
    expected: expectedDefaults,
  },
  {
    name: "a section with some keys keeps the defaults of the others",
    raw: { auto_review: { drafts: true } },
    expected: withDefaults({ auto_review: { enabled: true, drafts: true, base_branches: [] } }),
  },
  {
    name: "the full example",
    raw: parse(fullFile),
    expected: {
      auto_review: { enabled: false, drafts: true, base_branches: ["main", "release/*"] },
      paths: { include: ["services/**"], exclude: ["**/*.generated.ts", "*.test.ts"] },
      path_instructions: [{ path: "services/api/**", instructions: "Every handler validates its input." }],
      focus: ["security", "reliability"],
      fail_on: "critical",
      review_event: "REQUEST_CHANGES",
      max_inline_comments: 5,
      min_severity: "medium",
      min_confidence: 0.8,
      model: "claude-opus-5-5",
      instructions: "We run on Postgres 16.",
      ignore: {
        authors: ["Renovate-Helper"],
        labels: ["no-review"],
        title_patterns: ["^WIP\\b", "\\[skip review\\]"],
      },
      commands: { allowed_permissions: ["admin", "maintain"], cooldown_seconds: 0 },
      limits: { daily_token_budget: 2_000_000 },
      rules: { "sql-string-building": "off", "n-plus-one": "low", secret: "critical" },
      test_code: {
        use_default_paths: false,
        paths: ["qa/**"],
        max_security_severity: "info",
        detectors: "none",
      },
      context: { enabled: false, budget_tokens: 5000, exclude: ["vendor/**"], agentic: true },
      second_look: { enabled: true, confidence_below: 0.8 },
      architecture_impact: { enabled: true, diagram: true },
    },
  },
  { name: "fail_on: never", raw: { fail_on: "never" }, expected: withDefaults({ fail_on: "never" }) },
  { name: "fail_on: info", raw: { fail_on: "info" }, expected: withDefaults({ fail_on: "info" }) },
  {
    name: "max_inline_comments: 0",
    raw: { max_inline_comments: 0 },
    expected: withDefaults({ max_inline_comments: 0 }),
  },
  {
    name: "max_inline_comments: 50",
    raw: { max_inline_comments: 50 },
    expected: withDefaults({ max_inline_comments: 50 }),
  },
  { name: "min_confidence: 0", raw: { min_confidence: 0 }, expected: withDefaults({ min_confidence: 0 }) },
  { name: "min_confidence: 1", raw: { min_confidence: 1 }, expected: withDefaults({ min_confidence: 1 }) },
  {
    name: "min_severity: critical",
    raw: { min_severity: "critical" },
    expected: withDefaults({ min_severity: "critical" }),
  },
  {
    name: "one focus category",
    raw: { focus: ["security"] },
    expected: withDefaults({ focus: ["security"] }),
  },
  {
    name: "a dotted model id",
    raw: { model: "claude-3.7-sonnet" },
    expected: withDefaults({ model: "claude-3.7-sonnet" }),
  },
  {
    name: "instructions of exactly 4,000 characters",
    raw: { instructions: "x".repeat(4000) },
    expected: withDefaults({ instructions: "x".repeat(4000) }),
  },
  {
    name: "path instructions of exactly 2,000 characters",
    raw: { path_instructions: [{ path: "*.go", instructions: "y".repeat(2000) }] },
    expected: withDefaults({ path_instructions: [{ path: "*.go", instructions: "y".repeat(2000) }] }),
  },
  {
    name: "no role may use commands",
    raw: { commands: { allowed_permissions: [] } },
    expected: withDefaults({ commands: { allowed_permissions: [], cooldown_seconds: 60 } }),
  },
  {
    name: "triage and read may be allowed",
    raw: { commands: { allowed_permissions: ["triage", "read"], cooldown_seconds: 3600 } },
    expected: withDefaults({ commands: { allowed_permissions: ["triage", "read"], cooldown_seconds: 3600 } }),
  },
  {
    name: "a budget of 0 (unlimited)",
    raw: { limits: { daily_token_budget: 0 } },
    expected: expectedDefaults,
  },
];

interface InvalidCase {
  name: string;
  raw: unknown;
  errors: ConfigError[];
}

const allTopKeys =
  "auto_review, paths, path_instructions, focus, fail_on, review_event, max_inline_comments, min_severity, min_confidence, model, instructions, ignore, commands, limits, rules, test_code, context, second_look, architecture_impact";
const categoryWords = "architecture, security, performance, reliability, maintainability";

const invalidCases: InvalidCase[] = [
  {
    name: "rules: a value that is neither off nor a severity",
    raw: { rules: { "n-plus-one": "disabled" } },
    errors: [
      {
        path: "rules.n-plus-one",
        received: '"disabled"',
        expected: "one of off, critical, high, medium, low, info",
        message:
          '`rules.n-plus-one`: expected one of off, critical, high, medium, low, info; received `"disabled"`',
      },
    ],
  },
  {
    name: "test_code.detectors: a typo",
    raw: { test_code: { detectors: "secret" } },
    errors: [
      {
        path: "test_code.detectors",
        received: '"secret"',
        expected: "one of secrets, all, none",
        message: '`test_code.detectors`: expected one of secrets, all, none; received `"secret"`',
      },
    ],
  },
  {
    name: "context.budget_tokens: -1",
    raw: { context: { budget_tokens: -1 } },
    errors: [
      {
        path: "context.budget_tokens",
        received: "-1",
        expected: "a whole number of tokens, 0 or more (0 = no repository context)",
        message:
          "`context.budget_tokens`: expected a whole number of tokens, 0 or more (0 = no repository context); received `-1`",
      },
    ],
  },
  {
    name: "fail_on: hgih",
    raw: { fail_on: "hgih" },
    errors: [
      {
        path: "fail_on",
        received: '"hgih"',
        expected: "one of critical, high, medium, low, info, never",
        message: '`fail_on`: expected one of critical, high, medium, low, info, never; received `"hgih"`',
      },
    ],
  },
  {
    name: "review_event: APPROVE says the app never approves",
    raw: { review_event: "APPROVE" },
    errors: [
      {
        path: "review_event",
        received: '"APPROVE"',
        expected: "`COMMENT` or `REQUEST_CHANGES` (the app never approves a pull request)",
        message:
          '`review_event`: expected `COMMENT` or `REQUEST_CHANGES` (the app never approves a pull request); received `"APPROVE"`',
      },
    ],
  },
  {
    name: "review_event is case-sensitive",
    raw: { review_event: "comment" },
    errors: [
      {
        path: "review_event",
        received: '"comment"',
        expected: "`COMMENT` or `REQUEST_CHANGES`",
        message: '`review_event`: expected `COMMENT` or `REQUEST_CHANGES`; received `"comment"`',
      },
    ],
  },
  {
    name: "max_inline_comments: 500",
    raw: { max_inline_comments: 500 },
    errors: [
      {
        path: "max_inline_comments",
        received: "500",
        expected: "a whole number from 0 to 50",
        message: "`max_inline_comments`: expected a whole number from 0 to 50; received `500`",
      },
    ],
  },
  {
    name: "max_inline_comments: 2.5",
    raw: { max_inline_comments: 2.5 },
    errors: [
      {
        path: "max_inline_comments",
        received: "2.5",
        expected: "a whole number from 0 to 50",
        message: "`max_inline_comments`: expected a whole number from 0 to 50; received `2.5`",
      },
    ],
  },
  {
    name: "min_confidence: 2",
    raw: { min_confidence: 2 },
    errors: [
      {
        path: "min_confidence",
        received: "2",
        expected: "a number from 0 to 1",
        message: "`min_confidence`: expected a number from 0 to 1; received `2`",
      },
    ],
  },
  {
    name: "min_severity: never (only fail_on takes never)",
    raw: { min_severity: "never" },
    errors: [
      {
        path: "min_severity",
        received: '"never"',
        expected: "one of critical, high, medium, low, info",
        message: '`min_severity`: expected one of critical, high, medium, low, info; received `"never"`',
      },
    ],
  },
  {
    name: "focus: [speed]",
    raw: { focus: ["speed"] },
    errors: [
      {
        path: "focus[0]",
        received: '"speed"',
        expected: `one of ${categoryWords}`,
        message: `\`focus[0]\`: expected one of ${categoryWords}; received \`"speed"\``,
      },
    ],
  },
  {
    name: "focus: a string instead of a list",
    raw: { focus: "security" },
    errors: [
      {
        path: "focus",
        received: '"security"',
        expected: `a non-empty list of categories, each one of ${categoryWords}`,
        message: `\`focus\`: expected a non-empty list of categories, each one of ${categoryWords}; received \`"security"\``,
      },
    ],
  },
  {
    name: "focus: []",
    raw: { focus: [] },
    errors: [
      {
        path: "focus",
        received: "[]",
        expected: `a non-empty list of categories, each one of ${categoryWords}`,
        message: `\`focus\`: expected a non-empty list of categories, each one of ${categoryWords}; received \`[]\``,
      },
    ],
  },
  {
    name: 'ignore.title_patterns: ["("]',
    raw: { ignore: { title_patterns: ["^ok$", "("] } },
    errors: [
      {
        path: "ignore.title_patterns[1]",
        received: '"("',
        expected:
          "a valid JavaScript regular expression (Invalid regular expression: /(/i: Unterminated group)",
        message:
          '`ignore.title_patterns[1]`: expected a valid JavaScript regular expression (Invalid regular expression: /(/i: Unterminated group); received `"("`',
      },
    ],
  },
  {
    name: "unknown key fail-on suggests fail_on",
    raw: { "fail-on": "high" },
    errors: [
      {
        path: "fail-on",
        received: '"high"',
        expected: `one of the keys ${allTopKeys}`,
        message: "unknown key `fail-on`; did you mean `fail_on`?",
      },
    ],
  },
  {
    name: "unknown key failOn suggests fail_on",
    raw: { failOn: "high" },
    errors: [
      {
        path: "failOn",
        received: '"high"',
        expected: `one of the keys ${allTopKeys}`,
        message: "unknown key `failOn`; did you mean `fail_on`?",
      },
    ],
  },
  {
    name: "a misspelt key (transposed letters) gets a suggestion",
    raw: { foucs: ["security"] },
    errors: [
      {
        path: "foucs",
        received: '["security"]',
        expected: `one of the keys ${allTopKeys}`,
        message: "unknown key `foucs`; did you mean `focus`?",
      },
    ],
  },
  {
    name: "a nested key written at the top level points to its section",
    raw: { drafts: true },
    errors: [
      {
        path: "drafts",
        received: "true",
        expected: `one of the keys ${allTopKeys}`,
        message: "unknown key `drafts`; did you mean `auto_review.drafts`?",
      },
    ],
  },
  {
    name: "an unknown nested key suggests the real one",
    raw: { auto_review: { draft: true } },
    errors: [
      {
        path: "auto_review.draft",
        received: "true",
        expected: "one of the keys enabled, drafts, base_branches",
        message: "unknown key `auto_review.draft`; did you mean `auto_review.drafts`?",
      },
    ],
  },
  {
    name: "an unknown key with nothing close lists the allowed keys",
    raw: { banana: 1 },
    errors: [
      {
        path: "banana",
        received: "1",
        expected: `one of the keys ${allTopKeys}`,
        message: `unknown key \`banana\`; allowed keys: ${allTopKeys}`,
      },
    ],
  },
  {
    name: "a section that is not a mapping",
    raw: { auto_review: true },
    errors: [
      {
        path: "auto_review",
        received: "true",
        expected: "a mapping with the keys enabled, drafts, base_branches",
        message:
          "`auto_review`: expected a mapping with the keys enabled, drafts, base_branches; received `true`",
      },
    ],
  },
  {
    name: "a boolean given as a string",
    raw: { auto_review: { enabled: "yes" } },
    errors: [
      {
        path: "auto_review.enabled",
        received: '"yes"',
        expected: "`true` or `false`",
        message: '`auto_review.enabled`: expected `true` or `false`; received `"yes"`',
      },
    ],
  },
  {
    name: "a list given as a string",
    raw: { ignore: { authors: "alice" } },
    errors: [
      {
        path: "ignore.authors",
        received: '"alice"',
        expected: "a list of logins",
        message: '`ignore.authors`: expected a list of logins; received `"alice"`',
      },
    ],
  },
  {
    name: "a number given as a string",
    raw: { limits: { daily_token_budget: "lots" } },
    errors: [
      {
        path: "limits.daily_token_budget",
        received: '"lots"',
        expected: "a whole number of tokens, 0 or more (0 = unlimited)",
        message:
          '`limits.daily_token_budget`: expected a whole number of tokens, 0 or more (0 = unlimited); received `"lots"`',
      },
    ],
  },
  {
    name: "a path instruction without instructions",
    raw: { path_instructions: [{ path: "src/**" }] },
    errors: [
      {
        path: "path_instructions[0].instructions",
        expected: "a string of at most 2,000 characters",
        message:
          "`path_instructions[0].instructions` is required: expected a string of at most 2,000 characters",
      },
    ],
  },
  {
    name: "a path instruction with an invalid glob and an unknown key",
    raw: { path_instructions: [{ path: "[abc", instructions: "x", when: 1 }] },
    errors: [
      {
        path: "path_instructions[0].path",
        received: '"[abc"',
        expected:
          'a glob relative to the repository root, e.g. `src/**/*.ts` (Missing closing: "]" - use "\\\\]" to match literal characters)',
        message:
          '`path_instructions[0].path`: expected a glob relative to the repository root, e.g. `src/**/*.ts` (Missing closing: "]" - use "\\\\]" to match literal characters); received `"[abc"`',
      },
      {
        path: "path_instructions[0].when",
        received: "1",
        expected: "one of the keys path, instructions",
        message:
          "unknown key `path_instructions[0].when`; allowed keys of `path_instructions[0]`: path, instructions",
      },
    ],
  },
  {
    name: "a glob with a leading slash",
    raw: { paths: { include: ["/src/**"] } },
    errors: [
      {
        path: "paths.include[0]",
        received: '"/src/**"',
        expected: "a glob relative to the repository root, e.g. `src/**/*.ts` (drop the leading `/`)",
        message:
          '`paths.include[0]`: expected a glob relative to the repository root, e.g. `src/**/*.ts` (drop the leading `/`); received `"/src/**"`',
      },
    ],
  },
  {
    name: "a model that is not Claude",
    raw: { model: "gpt-4" },
    errors: [
      {
        path: "model",
        received: '"gpt-4"',
        expected: "a Claude model id such as `claude-sonnet-5-5` (lowercase letters, digits, `.` and `-`)",
        message:
          '`model`: expected a Claude model id such as `claude-sonnet-5-5` (lowercase letters, digits, `.` and `-`); received `"gpt-4"`',
      },
    ],
  },
  {
    name: "instructions too long (the received value is truncated)",
    raw: { instructions: "x".repeat(4001) },
    errors: [
      {
        path: "instructions",
        received: `"${"x".repeat(78)}…`,
        expected: "a string of at most 4,000 characters",
        message: `\`instructions\`: expected a string of at most 4,000 characters; received \`"${"x".repeat(78)}…\``,
      },
    ],
  },
  {
    name: "an unknown role and a negative cooldown",
    raw: { commands: { allowed_permissions: ["owner"], cooldown_seconds: -1 } },
    errors: [
      {
        path: "commands.allowed_permissions[0]",
        received: '"owner"',
        expected: "one of admin, maintain, write, triage, read",
        message:
          '`commands.allowed_permissions[0]`: expected one of admin, maintain, write, triage, read; received `"owner"`',
      },
      {
        path: "commands.cooldown_seconds",
        received: "-1",
        expected: "a whole number of seconds, 0 or more",
        message: "`commands.cooldown_seconds`: expected a whole number of seconds, 0 or more; received `-1`",
      },
    ],
  },
  {
    name: "a file that is a list",
    raw: [1, 2],
    errors: [
      {
        path: "",
        received: "[1,2]",
        expected: `a mapping of configuration keys (${allTopKeys})`,
        message: `the configuration file: expected a mapping of configuration keys (${allTopKeys}); received \`[1,2]\``,
      },
    ],
  },
  {
    name: "a received value with backticks stays one code span",
    raw: { fail_on: "`high`" },
    errors: [
      {
        path: "fail_on",
        received: '"`high`"',
        expected: "one of critical, high, medium, low, info, never",
        message: '`fail_on`: expected one of critical, high, medium, low, info, never; received ``"`high`"``',
      },
    ],
  },
];

describe("parseRepoConfig", () => {
  it("exports the defaults it applies", () => {
    expect(defaultRepoConfig).toEqual(expectedDefaults);
  });

  it.each(validCases)("accepts $name", ({ raw, expected }) => {
    expect(parseRepoConfig(raw)).toEqual({ ok: true, config: expected });
  });

  it.each(invalidCases)("rejects $name", ({ raw, errors }) => {
    expect(parseRepoConfig(raw)).toEqual({ ok: false, errors });
  });

  it("reports every error of a file at once", () => {
    const result = parseRepoConfig({ fail_on: "hgih", max_inline_comments: 500, "fail-on": "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.path)).toEqual(["fail_on", "max_inline_comments", "fail-on"]);
  });
});

describe("formatConfigErrors", () => {
  it("renders a markdown list, one error a line", () => {
    const result = parseRepoConfig({ fail_on: "hgih", review_event: "APPROVE" });
    if (result.ok) throw new Error("expected errors");
    expect(formatConfigErrors(result.errors)).toBe(
      [
        '- `fail_on`: expected one of critical, high, medium, low, info, never; received `"hgih"`',
        '- `review_event`: expected `COMMENT` or `REQUEST_CHANGES` (the app never approves a pull request); received `"APPROVE"`',
      ].join("\n"),
    );
  });
});

describe("isPathIncluded", () => {
  const cases = [
    { name: "no include or exclude keeps everything", paths: {}, path: "src/a.ts", expected: true },
    {
      name: "include keeps a match",
      paths: { include: ["services/**"] },
      path: "services/api/a.ts",
      expected: true,
    },
    {
      name: "include drops a non-match",
      paths: { include: ["services/**"] },
      path: "lib/a.ts",
      expected: false,
    },
    {
      name: "exclude drops a match",
      paths: { exclude: ["**/*.generated.ts"] },
      path: "a/b.generated.ts",
      expected: false,
    },
    {
      name: "exclude wins over include",
      paths: { include: ["src/**"], exclude: ["src/legacy/**"] },
      path: "src/legacy/x.ts",
      expected: false,
    },
    {
      name: "a pattern without / matches the file name at any depth",
      paths: { exclude: ["*.test.ts"] },
      path: "src/deep/a.test.ts",
      expected: false,
    },
    {
      name: "a pattern with / is anchored at the root",
      paths: { include: ["src/*.ts"] },
      path: "app/src/a.ts",
      expected: false,
    },
    {
      name: "dot directories are matched",
      paths: { exclude: ["**/fixtures/**"] },
      path: ".ci/fixtures/a.ts",
      expected: false,
    },
  ];
  it.each(cases)("$name", ({ paths, path, expected }) => {
    expect(isPathIncluded(parseOrThrow({ paths }), path)).toBe(expected);
  });
});

describe("getPathInstructions", () => {
  it("returns the instructions of every matching entry, in file order", () => {
    const config = parseOrThrow({
      path_instructions: [
        { path: "services/**", instructions: "A" },
        { path: "*.sql", instructions: "B" },
        { path: "services/billing/**", instructions: "C" },
      ],
    });
    expect(getPathInstructions(config, "services/billing/charge.ts")).toEqual(["A", "C"]);
    expect(getPathInstructions(config, "db/migrations/001.sql")).toEqual(["B"]);
    expect(getPathInstructions(config, "web/app.tsx")).toEqual([]);
  });
});

describe("shouldIgnorePull", () => {
  const pull: PullFacts = {
    author: "alice",
    authorIsBot: false,
    labels: ["backend"],
    title: "Add the billing endpoint",
    draft: false,
    baseRef: "main",
  };
  const cases: {
    name: string;
    raw: unknown;
    pull: Partial<PullFacts>;
    trigger?: "auto" | "command";
    expected: string | null;
  }[] = [
    { name: "an ordinary pull request is reviewed", raw: {}, pull: {}, expected: null },
    {
      name: "bots are always ignored",
      raw: {},
      pull: { author: "dependabot[bot]", authorIsBot: true },
      expected: "the author dependabot[bot] is a bot",
    },
    {
      name: "ignored authors match case-insensitively",
      raw: { ignore: { authors: ["ALICE"] } },
      pull: {},
      expected: "the author alice is listed in ignore.authors",
    },
    {
      name: "an @ before a login is tolerated",
      raw: { ignore: { authors: ["@alice"] } },
      pull: {},
      expected: "the author alice is listed in ignore.authors",
    },
    {
      name: "ignored labels match case-insensitively",
      raw: { ignore: { labels: ["Backend"] } },
      pull: {},
      expected: 'the label "backend" is listed in ignore.labels',
    },
    {
      name: "title patterns are case-insensitive regexes",
      raw: { ignore: { title_patterns: ["^wip\\b"] } },
      pull: { title: "WIP: billing" },
      expected: "the title matches ignore.title_patterns /^wip\\b/",
    },
    {
      name: "a non-matching title pattern",
      raw: { ignore: { title_patterns: ["^wip\\b"] } },
      pull: { title: "Wiping caches" },
      expected: null,
    },
    {
      name: "auto_review.enabled false",
      raw: { auto_review: { enabled: false } },
      pull: {},
      expected: "automatic reviews are off (auto_review.enabled is false)",
    },
    {
      name: "drafts are skipped by default",
      raw: {},
      pull: { draft: true },
      expected: "the pull request is a draft (auto_review.drafts is false)",
    },
    {
      name: "drafts reviewed when asked",
      raw: { auto_review: { drafts: true } },
      pull: { draft: true },
      expected: null,
    },
    {
      name: "base branch outside the list",
      raw: { auto_review: { base_branches: ["main", "release/*"] } },
      pull: { baseRef: "develop" },
      expected: "the base branch develop is not listed in auto_review.base_branches",
    },
    {
      name: "base branch matching a glob",
      raw: { auto_review: { base_branches: ["main", "release/*"] } },
      pull: { baseRef: "release/2.1" },
      expected: null,
    },
    {
      name: "a command overrides auto_review",
      raw: { auto_review: { enabled: false, base_branches: ["main"] } },
      pull: { draft: true, baseRef: "x" },
      trigger: "command",
      expected: null,
    },
    {
      name: "a command does not override ignore",
      raw: { ignore: { labels: ["backend"] } },
      pull: {},
      trigger: "command",
      expected: 'the label "backend" is listed in ignore.labels',
    },
  ];
  it.each(cases)("$name", ({ raw, pull: overrides, trigger, expected }) => {
    expect(
      shouldIgnorePull(parseOrThrow(raw), { ...pull, ...overrides }, trigger ? { trigger } : undefined),
    ).toBe(expected);
  });
});

describe("renderEffectiveConfig", () => {
  it("renders YAML that parses back to the same configuration", () => {
    const config = parseOrThrow(parse(fullFile));
    const text = renderEffectiveConfig(config);
    expect(text).toContain("fail_on: critical\n");
    expect(parseOrThrow(parse(text))).toEqual(config);
  });

  it("renders the defaults", () => {
    expect(parse(renderEffectiveConfig(defaultRepoConfig))).toEqual(expectedDefaults);
  });
});
