import { describe, expect, it } from "@jest/globals";
import { CliError } from "../../src/cli/cli-error.js";
import { parseReviewArgs } from "../../src/cli/parse-review-args.js";

describe("parseReviewArgs", () => {
  const valid = [
    { name: "no options", argv: [], expected: { format: "text", useModel: true, help: false } },
    {
      name: "every option",
      argv: [
        "--base",
        "origin/develop",
        "--format",
        "sarif",
        "--fail-on",
        "medium",
        "--min-confidence",
        "0.8",
        "--model",
        "claude-opus-4-8",
      ],
      expected: {
        base: "origin/develop",
        format: "sarif",
        failOn: "medium",
        minConfidence: 0.8,
        model: "claude-opus-4-8",
        useModel: true,
        help: false,
      },
    },
    {
      name: "--diff - and --no-model",
      argv: ["--diff", "-", "--no-model", "--fail-on=never"],
      expected: { diff: "-", failOn: "never", format: "text", useModel: false, help: false },
    },
    { name: "-h", argv: ["-h"], expected: { format: "text", useModel: true, help: true } },
    {
      name: "--fail-on-model-error",
      argv: ["--fail-on-model-error"],
      expected: { format: "text", useModel: true, help: false, failOnModelError: true },
    },
    {
      name: "upper-case choices",
      argv: ["--format", "JSON"],
      expected: { format: "json", useModel: true, help: false },
    },
  ];
  it.each(valid)("parses $name", ({ argv, expected }) => {
    expect(parseReviewArgs(argv)).toEqual({ failOnModelError: false, ...expected });
  });

  const invalid = [
    { name: "an unknown option", argv: ["--fromat", "json"], message: /Unknown option '--fromat'/ },
    {
      name: "an unknown format",
      argv: ["--format", "xml"],
      message: /--format must be one of text, markdown, json, sarif; received "xml"/,
    },
    {
      name: "an unknown severity",
      argv: ["--fail-on", "hgih"],
      message: /--fail-on must be one of critical, high, medium, low, info, never/,
    },
    { name: "a confidence above 1", argv: ["--min-confidence", "80"], message: /from 0 to 1/ },
    { name: "a confidence that is no number", argv: ["--min-confidence", "high"], message: /from 0 to 1/ },
    {
      name: "--base with --diff",
      argv: ["--base", "main", "--diff", "x.diff"],
      message: /cannot be used together/,
    },
    {
      name: "--model with --no-model",
      argv: ["--no-model", "--model", "claude-x"],
      message: /cannot be used together/,
    },
    { name: "a positional argument", argv: ["change.diff"], message: /Unexpected argument "change.diff"/ },
    { name: "an option without its value", argv: ["--base"], message: /argument missing/ },
  ];
  it.each(invalid)("rejects $name", ({ argv, message }) => {
    expect(() => parseReviewArgs(argv)).toThrow(CliError);
    expect(() => parseReviewArgs(argv)).toThrow(message);
  });
});
